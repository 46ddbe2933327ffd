import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/require-user";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import { confirmWithProvider } from "./actions";
import { PasskeyConfirmButton } from "./passkey-confirm-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("confirm"))("title") };
}

type Search = Promise<{ returnTo?: string; error?: string }>;

export default async function ConfirmPage({ searchParams }: { searchParams: Search }) {
  const [params, t, tSignIn] = await Promise.all([searchParams, getTranslations("confirm"), getTranslations("signIn")]);
  const returnTo = safeRedirect(params.returnTo, "/settings/security");
  const user = await requireUser(`/settings/confirm?returnTo=${encodeURIComponent(returnTo)}`);
  const [accounts, passkeys] = await Promise.all([
    db.account.findMany({ where: { userId: user.id, type: { in: ["oauth", "oidc"] } }, select: { provider: true }, orderBy: { createdAt: "asc" } }),
    db.authenticator.count({ where: { userId: user.id } }),
  ]);
  const methods = [...new Set(accounts.map((account) => account.provider))].flatMap((id) => {
    const provider = findProvider(id);
    return provider ? [{ id, name: provider.name }] : [];
  });
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("lead")}</p>
      {params.error === "not-you" ? (
        <div className="mt-4"><Alert tone="error">{t("notYou")}</Alert></div>
      ) : null}
      <ul className="mt-6 flex flex-col gap-3">
        {methods.map((method) => (
          <li key={method.id} className="flex flex-col gap-1">
            <ActionForm action={confirmWithProvider} fields={{ provider: method.id, returnTo }} label={tSignIn("continueWith", { provider: method.name })} pendingLabel={t("redirecting")} />
          </li>
        ))}
        {passkeys > 0 ? <li><PasskeyConfirmButton returnTo={returnTo} /></li> : null}
      </ul>
    </section>
  );
}
