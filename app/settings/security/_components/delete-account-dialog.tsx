"use client";
// Deleting the account asks for the email, typed: a slip of the mouse cannot delete anything.
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { deleteAccount } from "../actions";

export function DeleteAccountDialog({ email }: { email: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action, pending] = useActionState(deleteAccount, null);
  return (
    <>
      <Button type="button" variant="danger" className="mt-4" onClick={() => dialog.current?.showModal()}>Delete account</Button>
      <dialog ref={dialog} aria-labelledby="delete-dialog-title" className="m-auto max-w-md rounded-xl p-6 shadow-xl backdrop:bg-slate-900/40">
        <form action={action} className="space-y-4">
          <h2 id="delete-dialog-title" className="text-lg font-semibold">Delete your account?</h2>
          <p className="text-sm text-slate-600">
            We will revoke this app&apos;s access at each connected provider, then delete your account, connections, passkeys,
            sessions and activity. This cannot be undone.
          </p>
          <label className="block text-sm font-medium" htmlFor="delete-email">
            Type your email <span className="font-mono">{email}</span> to confirm
          </label>
          <input id="delete-email" name="email" type="email" autoComplete="off" required className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
          {state && "error" in state ? <p role="alert" className="text-sm text-red-700">{state.error}</p> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>Cancel</Button>
            <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>{pending ? "Deleting…" : "Delete my account"}</Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
