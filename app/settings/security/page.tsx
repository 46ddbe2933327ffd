import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { currentSessionToken } from "@/lib/auth/current-session";
import { listPasskeys } from "@/lib/auth/passkeys";
import { requireUser } from "@/lib/auth/require-user";
import { listSessions } from "@/lib/auth/sessions";
import { AddPasskeyButton } from "./_components/add-passkey-button";
import { DeleteAccountDialog } from "./_components/delete-account-dialog";
import { PasskeyList } from "./_components/passkey-list";
import { SessionList } from "./_components/session-list";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requireUser("/settings/security");
  const [passkeys, sessions, { notice }] = await Promise.all([listPasskeys(user.id), listSessions(user.id, await currentSessionToken()), searchParams]);
  return (
    <section className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Security</h1>
        <p className="mt-1 text-sm text-slate-600">Passkeys, where you are signed in, and deleting your account.</p>
        {notice === "confirmed" ? <div className="mt-4"><Alert tone="success">Thanks, you confirmed it&apos;s you. You can finish what you started.</Alert></div> : null}
      </div>
      <section aria-labelledby="passkeys-heading">
        <div className="flex items-center justify-between gap-4">
          <h2 id="passkeys-heading" className="text-lg font-semibold">Passkeys</h2>
          <AddPasskeyButton />
        </div>
        <p className="mt-1 text-sm text-slate-600">Sign in with your fingerprint, face or device PIN instead of a provider.</p>
        <PasskeyList passkeys={passkeys} />
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-lg font-semibold">Sessions</h2>
        <p className="mt-1 text-sm text-slate-600">Browsers where you are signed in. Sign out of any you do not recognise.</p>
        <SessionList sessions={sessions} />
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading" className="text-lg font-semibold">Delete account</h2>
        <p className="mt-1 text-sm text-slate-600">
          Revokes this app&apos;s access at every connected provider, then deletes your account and everything of yours. This cannot be undone.
        </p>
        <DeleteAccountDialog email={user.email ?? ""} />
      </section>
    </section>
  );
}
