import type { Metadata } from "next";
import Link from "next/link";
import { auth } from "@/auth";
import { Button } from "@/components/ui/button";
import { findPendingLink } from "@/lib/accounts/pending-links";
import { readPendingLinkCookie } from "@/lib/auth/flow-cookies";
import { findProvider } from "@/lib/providers";
import { ProviderSignInButton } from "../provider-sign-in-button";

export const metadata: Metadata = { title: "Confirm it's you" };

export default async function PendingLinkPage() {
  const id = await readPendingLinkCookie();
  const pending = id ? await findPendingLink(id) : null;
  if (!id || !pending) {
    return (
      <section className="mx-auto max-w-md">
        <h1 className="text-2xl font-semibold tracking-tight">This link request has expired</h1>
        <p className="mt-2 text-sm text-slate-600">Nothing was linked. Sign in again to start over.</p>
        <Link href="/sign-in" className="mt-6 inline-flex text-sm font-medium text-slate-900 underline">Back to sign in</Link>
      </section>
    );
  }
  const newName = findProvider(pending.provider)?.name ?? pending.provider;
  const userId = (await auth())?.user?.id;
  if (userId) return <ConfirmLink pendingId={id} providerName={newName} email={pending.email} sameUser={userId === pending.userId} />;
  const methods = pending.existingProviders.flatMap((providerId) => findProvider(providerId) ?? []);
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">An account with this email already exists</h1>
      <p className="mt-2 text-sm text-slate-600">
        <span className="font-medium text-slate-900">{pending.email}</span> already has an account here. To add {newName} to it,
        first confirm it is you by signing in the way you usually do. Nothing changes until you then choose Link.
      </p>
      <ul className="mt-6 space-y-3">
        {methods.map((method) => (
          <li key={method.id}>
            <ProviderSignInButton providerId={method.id} name={method.name} redirectTo="/sign-in/link" confirmsPendingLink />
          </li>
        ))}
      </ul>
      {methods.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600">That account has no sign-in method available here. Contact support.</p>
      ) : null}
      <p className="mt-6 text-xs text-slate-500">This request expires in 10 minutes.</p>
    </section>
  );
}

/** Signed in: the person decides, by a POST from this page, whether the pending account joins theirs. */
function ConfirmLink({ pendingId, providerName, email, sameUser }: { pendingId: string; providerName: string; email: string; sameUser: boolean }) {
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">
        {sameUser ? `Link the ${providerName} account ${email} to your account?` : "You are signed in as a different user"}
      </h1>
      <p className="mt-2 text-sm text-slate-600">
        {sameUser
          ? `You can then sign in with ${providerName} too, and this app can use it for you. Cancel if you did not start this.`
          : `The ${providerName} account ${email} can only be linked to the user it matched. Cancel to drop the request.`}
      </p>
      <form method="post" action="/sign-in/link/complete" className="mt-6 flex gap-3">
        <input type="hidden" name="pendingId" value={pendingId} />
        {sameUser ? <Button type="submit" name="decision" value="link">Link</Button> : null}
        <Button type="submit" name="decision" value="cancel" variant="secondary">Cancel</Button>
      </form>
    </section>
  );
}
