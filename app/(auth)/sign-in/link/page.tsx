import type { Metadata } from "next";
import Link from "next/link";
import { findPendingLink } from "@/lib/accounts/pending-links";
import { readPendingLinkCookie } from "@/lib/auth/flow-cookies";
import { findProvider } from "@/lib/providers";
import { ProviderSignInButton } from "../provider-sign-in-button";

export const metadata: Metadata = { title: "Confirm it's you" };

export default async function PendingLinkPage() {
  const id = await readPendingLinkCookie();
  const pending = id ? await findPendingLink(id) : null;
  if (!pending) {
    return (
      <section className="mx-auto max-w-md">
        <h1 className="text-2xl font-semibold tracking-tight">This link request has expired</h1>
        <p className="mt-2 text-sm text-slate-600">Nothing was linked. Sign in again to start over.</p>
        <Link href="/sign-in" className="mt-6 inline-flex text-sm font-medium text-slate-900 underline">Back to sign in</Link>
      </section>
    );
  }
  const newName = findProvider(pending.provider)?.name ?? pending.provider;
  const methods = pending.existingProviders.flatMap((providerId) => findProvider(providerId) ?? []);
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">An account with this email already exists</h1>
      <p className="mt-2 text-sm text-slate-600">
        <span className="font-medium text-slate-900">{pending.email}</span> already has an account here. To add {newName} to it,
        confirm it is you by signing in the way you usually do. {newName} is linked once you have signed in; until then
        nothing changes.
      </p>
      <ul className="mt-6 space-y-3">
        {methods.map((method) => (
          <li key={method.id}>
            <ProviderSignInButton providerId={method.id} name={method.name} redirectTo="/sign-in/link/complete" />
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
