import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { listConnections } from "@/lib/accounts/connections";
import { requireUser } from "@/lib/auth/require-user";
import { findProvider, providers } from "@/lib/providers";
import { ConnectAnotherRow } from "./_components/connect-another-row";
import { ConnectionRow } from "./_components/connection-row";
import { ProviderRow } from "./_components/provider-row";
import { pageNotice } from "./notices";

export const metadata: Metadata = { title: "Connected accounts" };

type Search = Promise<{ notice?: string; error?: string; provider?: string; as?: string }>;

const rowProvider = (provider: (typeof providers)[number]) => ({
  id: provider.id, name: provider.name, canGrantMore: provider.extraScopes.length > 0, connectOnly: provider.connectOnly,
});

export default async function ConnectedAccountsPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/settings/accounts");
  const [connections, params] = await Promise.all([listConnections(user.id), searchParams]);
  const notice = pageNotice(params);
  const unavailable = connections.filter((connection) => !findProvider(connection.provider));
  return (
    <section>
      <h1 className="text-2xl font-semibold tracking-tight">Connected accounts</h1>
      <p className="mt-1 text-sm text-slate-600">
        Connect providers to sign in with them and to let this app call their APIs for you. You can connect several
        accounts of one provider.
      </p>
      {notice ? <div className="mt-4" data-testid="page-notice"><Alert tone={notice.tone}>{notice.text}</Alert></div> : null}
      <ul className="mt-6 divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        {providers.flatMap((provider) => {
          const own = connections.filter((connection) => connection.provider === provider.id);
          if (own.length === 0) return [<ProviderRow key={provider.id} provider={provider} />];
          return [
            ...own.map((connection) => <ConnectionRow key={connection.id} provider={rowProvider(provider)} connection={connection} />),
            <ConnectAnotherRow key={`${provider.id}-another`} provider={provider} />,
          ];
        })}
        {unavailable.map((connection) => <ConnectionRow key={connection.id} provider={null} connection={connection} />)}
      </ul>
    </section>
  );
}
