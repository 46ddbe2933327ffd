import { ActionForm } from "@/components/action-form";
import type { PasskeyItem } from "@/lib/auth/passkeys";
import { removePasskey } from "../actions";
import { RenamePasskeyForm } from "./rename-passkey-form";

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function PasskeyList({ passkeys }: { passkeys: PasskeyItem[] }) {
  if (passkeys.length === 0) return <p className="mt-4 text-sm text-slate-500">No passkeys yet.</p>;
  return (
    <ul aria-label="Passkeys" className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
      {passkeys.map((passkey) => (
        <li key={passkey.id} aria-label={passkey.name} className="flex flex-wrap items-start justify-between gap-3 p-4">
          <div className="min-w-0 space-y-1">
            <RenamePasskeyForm passkeyId={passkey.id} name={passkey.name} />
            <p className="text-xs text-slate-500">
              Added {time.format(passkey.createdAt)} UTC ·{" "}
              {passkey.lastUsedAt ? `Last used ${time.format(passkey.lastUsedAt)} UTC` : "Never used to sign in"}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <ActionForm action={removePasskey} fields={{ passkeyId: passkey.id }} label="Remove" pendingLabel="Removing…" variant="danger" />
          </div>
        </li>
      ))}
    </ul>
  );
}
