import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FlashNotice } from "@/components/flash-notice";
import { findPendingLink } from "@/lib/accounts/pending-links";
import { readPendingLinkCookie } from "@/lib/auth/flow-cookies";
import { findProvider } from "@/lib/providers";
import { AuthCard } from "../auth-card";
import { ProviderSignInButton } from "../provider-sign-in-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pendingLink"))("title") };
}

export default async function PendingLinkPage() {
  const id = await readPendingLinkCookie();
  const [pending, t] = await Promise.all([id ? findPendingLink(id) : null, getTranslations("pendingLink")]);
  if (!pending) {
    return (
      <AuthCard>
        <h1 className="mt-6 text-2xl font-semibold tracking-tight">{t("expiredHeading")}</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("expiredLead")}</p>
        <Link href="/sign-in" className="mt-6 inline-flex text-sm font-medium underline underline-offset-4">{t("backToSignIn")}</Link>
      </AuthCard>
    );
  }
  const newName = findProvider(pending.provider)?.name ?? pending.provider;
  const methods = pending.existingProviders.flatMap((providerId) => findProvider(providerId) ?? []);
  return (
    <AuthCard>
      <h1 className="mt-6 text-2xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {t.rich("lead", {
          email: pending.email,
          provider: newName,
          strong: (chunks) => <span className="font-medium text-slate-900 dark:text-white">{chunks}</span>,
        })}
      </p>
      <FlashNotice className="mt-6" />
      <ul className="mt-6 space-y-3">
        {methods.map((method) => (
          <li key={method.id}>
            <ProviderSignInButton providerId={method.id} name={method.name} redirectTo="/sign-in/link/complete" />
          </li>
        ))}
      </ul>
      {methods.length === 0 ? <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">{t("noMethods")}</p> : null}
      <p className="mt-6 text-xs text-slate-500 dark:text-slate-400">{t("expiresIn", { minutes: 10 })}</p>
    </AuthCard>
  );
}
