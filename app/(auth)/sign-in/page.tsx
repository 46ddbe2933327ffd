import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { signInProviders } from "@/lib/providers";
import { PasskeySignInButton } from "./passkey-sign-in-button";
import { ProviderSignInButton } from "./provider-sign-in-button";

export const metadata: Metadata = { title: "Sign in" };

type Search = Promise<{ callbackUrl?: string; error?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const { callbackUrl, error } = await searchParams;
  const redirectTo = safeRedirect(callbackUrl);
  if (await auth()) redirect(redirectTo);
  const message = signInErrorMessage(error);
  // Connect-only providers are for calling APIs once signed in, never for signing in.
  const providers = signInProviders();
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-2 text-sm text-slate-600">Choose how you want to sign in. You can connect more providers later.</p>
      {message ? (
        <p role="alert" className="mt-6 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">{message}</p>
      ) : null}
      <ul className="mt-6 space-y-3">
        {providers.map((provider) => (
          <li key={provider.id}>
            <ProviderSignInButton providerId={provider.id} name={provider.name} redirectTo={redirectTo} />
          </li>
        ))}
        <li>
          <PasskeySignInButton redirectTo={redirectTo} />
        </li>
      </ul>
      {providers.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600">No sign-in provider is configured. See the README to enable one.</p>
      ) : null}
    </section>
  );
}
