"use client";
// Deleting the account asks for the email, typed — or, for an account without one, a word: a slip of the mouse
// cannot delete anything.
import { useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/use-form-action";
import { deleteAccount } from "../actions";

/** `confirmation` is what must be typed (lib/accounts/delete-account.ts `deletionConfirmation`). */
export function DeleteAccountDialog({ confirmation }: { confirmation: { kind: "email" | "word"; text: string } }) {
  const t = useTranslations("security");
  const tDialog = useTranslations("dialog");
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action, pending] = useFormAction(deleteAccount);
  return (
    <>
      <Button type="button" variant="danger" className="mt-4" onClick={() => dialog.current?.showModal()}>{t("deleteButton")}</Button>
      <dialog ref={dialog} aria-labelledby="delete-dialog-title" className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
        <form action={action} className="space-y-4">
          <h2 id="delete-dialog-title" className="text-lg font-semibold">{t("deleteTitle")}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">{t("deleteWhat")}</p>
          <label className="block text-sm font-medium" htmlFor="delete-confirmation">
            {t.rich(confirmation.kind === "email" ? "deleteTypeEmail" : "deleteTypeWord", { text: () => <span className="font-mono">{confirmation.text}</span> })}
          </label>
          <input
            id="delete-confirmation"
            name="confirmation"
            type={confirmation.kind === "email" ? "email" : "text"}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            required
            className="w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm dark:border-slate-500 dark:bg-slate-950"
          />
          {state && "error" in state ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{state.error}</p> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>{tDialog("cancel")}</Button>
            <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>{pending ? t("deleting") : t("deleteConfirm")}</Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
