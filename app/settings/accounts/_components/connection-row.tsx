import { ProviderLogo } from "@/components/provider-logo";
import { RelativeTime } from "@/components/relative-time";
import type { Connection } from "@/lib/accounts/connections";
import type { ProviderLogoMark } from "@/lib/providers/logo";
import { ConnectionActions } from "./connection-actions";
import { ConnectionHealth } from "./connection-health";
import { LabelForm } from "./label-form";
import { ServiceAccess } from "./service-access";
import { SignInSwitch } from "./sign-in-switch";
import type { AccountsTranslator } from "./translator";

interface Props {
  /** Null when this deployment no longer configures the connection's provider. */
  provider: { id: string; name: string; logo: ProviderLogoMark; canGrantMore: boolean; connectOnly: boolean } | null;
  connection: Connection;
  t: AccountsTranslator;
  locale: string;
}

/** The list item's name: provider and identity, so two accounts of one provider are told apart. */
function connectionName(providerName: string, connection: Connection, unnamed: string) {
  return `${providerName}: ${connection.username ?? connection.email ?? unnamed}`;
}

/** One connected account: who it is at the provider, its label, its health and what can be done with it. */
export function ConnectionRow({ provider, connection, t, locale }: Props) {
  const providerName = provider?.name ?? connection.provider;
  const identity = connection.username ?? connection.email ?? providerName;
  return (
    <li aria-label={connectionName(providerName, connection, t("unnamedAccount"))} className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-4 p-4 sm:p-5">
      <span className="flex size-10 items-center justify-center rounded-lg bg-slate-100 dark:bg-slate-800">
        <ProviderLogo id={connection.provider} logo={provider?.logo} className="size-6" />
      </span>
      <div className="min-w-0">
        <h2 className="flex flex-wrap items-center gap-x-2 gap-y-1 font-medium">
          {providerName}
          {connection.label ? (
            <span className="rounded-md bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">{connection.label}</span>
          ) : null}
        </h2>
        <p className="truncate text-sm text-slate-700 dark:text-slate-300">
          {connection.username}
          {connection.email && connection.email !== connection.username ? <span className="text-slate-600 dark:text-slate-400"> · {connection.email}</span> : null}
        </p>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {t.rich("connectedAt", { when: () => <RelativeTime date={connection.connectedAt.toISOString()} /> })}
        </p>
        {provider ? null : <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">{t("unavailable")}</p>}
        {connection.scopes.length > 0 ? (
          <ul aria-label={t("scopes")} className="mt-2 flex flex-wrap gap-1.5">
            {connection.scopes.map((scope) => (
              <li key={scope} className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200">{scope}</li>
            ))}
          </ul>
        ) : null}
        {provider ? <ConnectionHealth connection={connection} t={t} /> : null}
        <LabelForm connectionId={connection.id} label={connection.label} />
        {provider && !provider.connectOnly ? (
          <SignInSwitch connectionId={connection.id} enabled={connection.signInEnabled} />
        ) : null}
        {provider ? <ServiceAccess connectionId={connection.id} access={connection.services} t={t} locale={locale} /> : null}
      </div>
      <ConnectionActions
        connectionId={connection.id}
        providerName={providerName}
        identity={identity}
        show={{
          reconnect: provider !== null && (connection.status === "needs_reconnect" || connection.status === "revoked"),
          callApi: provider !== null,
          grantMore: provider?.canGrantMore ?? false,
        }}
      />
    </li>
  );
}
