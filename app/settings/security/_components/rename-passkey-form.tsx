"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { renamePasskey } from "../actions";

export function RenamePasskeyForm({ passkeyId, name }: { passkeyId: string; name: string }) {
  const [state, action, pending] = useActionState(renamePasskey, null);
  const failed = state !== null && "error" in state;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="passkeyId" value={passkeyId} />
      <label className="sr-only" htmlFor={`passkey-name-${passkeyId}`}>Passkey name</label>
      <input
        id={`passkey-name-${passkeyId}`}
        name="name"
        defaultValue={name}
        maxLength={60}
        required
        className="rounded-md border border-slate-300 px-2 py-1 text-sm font-medium"
      />
      <Button type="submit" variant="secondary" className="px-3 py-1" disabled={pending}>{pending ? "Saving…" : "Save name"}</Button>
      {state ? <p role={failed ? "alert" : "status"} className={`basis-full text-sm ${failed ? "text-red-700" : "text-emerald-700"}`}>{failed ? state.error : state.success}</p> : null}
    </form>
  );
}
