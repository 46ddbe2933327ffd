"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/use-form-action";
import { renamePasskey } from "../actions";

export function RenamePasskeyForm({ passkeyId, name }: { passkeyId: string; name: string }) {
  const t = useTranslations("security");
  const [state, action, pending] = useFormAction(renamePasskey);
  const failed = state !== null && "error" in state;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="passkeyId" value={passkeyId} />
      <label className="sr-only" htmlFor={`passkey-name-${passkeyId}`}>{t("passkeyName")}</label>
      <input
        id={`passkey-name-${passkeyId}`}
        name="name"
        defaultValue={name}
        maxLength={60}
        required
        className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm font-medium dark:border-slate-500 dark:bg-slate-950"
      />
      <Button type="submit" variant="secondary" className="px-3 py-1" disabled={pending}>{pending ? t("saving") : t("saveName")}</Button>
      {state ? <p role={failed ? "alert" : "status"} className={`basis-full text-sm ${failed ? "text-red-700 dark:text-red-300" : "text-emerald-700 dark:text-emerald-300"}`}>{failed ? state.error : state.success}</p> : null}
    </form>
  );
}
