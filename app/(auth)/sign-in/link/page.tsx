import type { Metadata } from "next";
import Link from "next/link";
import { auth } from "@/auth";
import { Button } from "@/components/ui/button";
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
  if (!id || !pending) {
    return (
      <AuthCard>
        <h1 className="mt-6 text-2xl font-semibold tracking-tight">{t("expiredHeading")}</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("expiredLead")}</p>
        <Link href="/sign-in" className="mt-6 inline-flex text-sm font-medium underline underline-offset-4">{t("backToSignIn")}</Link>
      </AuthCard>
    );
  }
  const newName = findProvider(pending.provider)?.name ?? pending.provider;
  const userId = (await auth())?.user?.id;
  if (userId) {
    const confirm = await getTranslations("pendingLink.confirm");
    const sameUser = userId === pending.userId;
    const values = { provider: newName, email: pending.email };
    return (
      <AuthCard>
        <h1 className="mt-6 text-2xl font-semibold tracking-tight">{sameUser ? confirm("heading", values) : confirm("otherUserHeading")}</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{sameUser ? confirm("lead", values) : confirm("otherUserLead", values)}</p>
        {/* A POST from this page only: a link or a cross-site form cannot complete it (the route checks the origin). */}
        <form method="post" action="/sign-in/link/complete" className="mt-6 flex gap-3">
          <input type="hidden" name="pendingId" value={id} />
          {sameUser ? <Button type="submit" name="decision" value="link">{confirm("link")}</Button> : null}
          <Button type="submit" name="decision" value="cancel" variant="secondary">{confirm("cancel")}</Button>
        </form>
      </AuthCard>
    );
  }
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
            <ProviderSignInButton providerId={method.id} name={method.name} redirectTo="/sign-in/link" confirmsPendingLink />
          </li>
        ))}
      </ul>
      {methods.length === 0 ? <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">{t("noMethods")}</p> : null}
      <p className="mt-6 text-xs text-slate-500 dark:text-slate-400">{t("expiresIn", { minutes: 10 })}</p>
    </AuthCard>
  );
}

