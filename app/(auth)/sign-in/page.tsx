import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { auth } from "@/auth";
import { FlashNotice } from "@/components/flash-notice";
import { Alert } from "@/components/ui/alert";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { signInErrorKey } from "@/lib/auth/sign-in-errors";
import { signInProviders } from "@/lib/providers";
import { PasskeySignInButton } from "./passkey-sign-in-button";
import { AuthCard } from "./auth-card";
import { ProviderSignInButton } from "./provider-sign-in-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

type Search = Promise<{ callbackUrl?: string; error?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const { callbackUrl, error } = await searchParams;
  const redirectTo = safeRedirect(callbackUrl);
  if (await auth()) redirect(redirectTo);
  const [t, tErrors] = await Promise.all([getTranslations("signIn"), getTranslations("signInErrors")]);
  const errorKey = signInErrorKey(error);
  // Connect-only providers are for calling APIs once signed in, never for signing in.
  const providers = signInProviders();
  return (
    <AuthCard>
      <h1 className="mt-6 text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("lead")}</p>
      <FlashNotice className="mt-6" />
      {errorKey ? <div className="mt-6"><Alert tone="error">{tErrors(errorKey)}</Alert></div> : null}
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
      {providers.length === 0 ? <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">{t("noProviders")}</p> : null}
      <p className="mt-6 text-xs text-slate-500 dark:text-slate-400">{t("terms")}</p>
    </AuthCard>
  );
}
