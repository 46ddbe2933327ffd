import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { listConnections } from "@/lib/accounts/connections";
import { requireUser } from "@/lib/auth/require-user";
import { findProvider, providers } from "@/lib/providers";
import { ConnectAnotherRow } from "./_components/connect-another-row";
import { ConnectionRow } from "./_components/connection-row";
import { ProviderRow } from "./_components/provider-row";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("title") };
}

const rowProvider = (provider: (typeof providers)[number]) => ({
  id: provider.id, name: provider.name, logo: provider.logo, canGrantMore: provider.extraScopes.length > 0, connectOnly: provider.connectOnly,
});

export default async function ConnectedAccountsPage() {
  const user = await requireUser("/settings/accounts");
  const [connections, t, locale] = await Promise.all([listConnections(user.id), getTranslations("accounts"), getLocale()]);
  const unavailable = connections.filter((connection) => !findProvider(connection.provider));
  return (
    <section>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
      <ul className="mt-6 divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {providers.flatMap((provider) => {
          const own = connections.filter((connection) => connection.provider === provider.id);
          if (own.length === 0) return [<ProviderRow key={provider.id} provider={provider} t={t} />];
          return [
            ...own.map((connection) => <ConnectionRow key={connection.id} provider={rowProvider(provider)} connection={connection} t={t} locale={locale} />),
            <ConnectAnotherRow key={`${provider.id}-another`} provider={provider} t={t} />,
          ];
        })}
        {unavailable.map((connection) => <ConnectionRow key={connection.id} provider={null} connection={connection} t={t} locale={locale} />)}
      </ul>
    </section>
  );
}
