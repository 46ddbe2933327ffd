"use client";
// The person's own name for a connection ("Work"), edited in place; an empty label removes it.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/use-form-action";
import { saveLabel } from "../actions";

interface Props {
  connectionId: string;
  label: string | null;
}

export function LabelForm({ connectionId, label }: Props) {
  const t = useTranslations("accounts");
  const [state, formAction, pending] = useFormAction(saveLabel);
  const failed = state !== null && "error" in state;
  return (
    <form action={formAction} className="mt-2 flex flex-wrap items-center gap-2">
      <input type="hidden" name="connectionId" value={connectionId} />
      <input
        name="label"
        aria-label={t("label")}
        defaultValue={label ?? ""}
        maxLength={40}
        placeholder={t("labelPlaceholder")}
        className="w-56 max-w-full rounded-md border border-slate-400 bg-white px-2 py-1 text-sm placeholder:text-slate-500 dark:border-slate-500 dark:bg-slate-950 dark:placeholder:text-slate-400"
      />
      <Button type="submit" variant="secondary" disabled={pending} className="px-3 py-1">{t("saveLabel")}</Button>
      {state ? (
        <p role={failed ? "alert" : "status"} className={`basis-full text-xs ${failed ? "text-red-700 dark:text-red-300" : "text-emerald-700 dark:text-emerald-300"}`}>
          {failed ? state.error : state.success}
        </p>
      ) : null}
    </form>
  );
}
