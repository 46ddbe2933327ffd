import { ActionForm } from "@/components/action-form";
import { Avatar } from "@/components/ui/avatar";
import type { Connection } from "@/lib/accounts/connections";
import { callApi, connectProvider, disconnect, grantMoreAccess } from "../actions";
import { ConnectionHealth } from "./connection-health";
import { ServiceAccess } from "./service-access";

const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

interface Props {
  provider: { id: string; name: string; canGrantMore: boolean };
  connection: Connection | null;
}

export function ProviderRow({ provider, connection }: Props) {
  const headingId = `provider-${provider.id}`;
  return (
    <li aria-labelledby={headingId} className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-4 p-4 sm:grid-cols-[auto_1fr_14rem] sm:p-5">
      <Avatar name={connection?.username ?? provider.name} image={connection?.image} />
      <div className="min-w-0">
        <h2 id={headingId} className="font-medium">{provider.name}</h2>
        {connection ? (
          <>
            <p className="truncate text-sm text-slate-700">
              {connection.username}
              {connection.email && connection.email !== connection.username ? <span className="text-slate-500"> · {connection.email}</span> : null}
            </p>
            <p className="mt-1 text-xs text-slate-500">Connected {date.format(connection.connectedAt)}</p>
            {connection.scopes.length > 0 ? (
              <ul aria-label="Granted scopes" className="mt-2 flex flex-wrap gap-1.5">
                {connection.scopes.map((scope) => (
                  <li key={scope} className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700">{scope}</li>
                ))}
              </ul>
            ) : null}
            <ConnectionHealth connection={connection} />
            <ServiceAccess connectionId={connection.id} />
          </>
        ) : (
          <p className="text-sm text-slate-500">Not connected</p>
        )}
      </div>
      <div className="col-span-2 flex flex-wrap items-center gap-2 sm:col-span-1 sm:flex-col sm:items-stretch">
        {connection ? (
          <>
            {connection.status === "needs_reconnect" || connection.status === "revoked" ? (
              <ActionForm action={connectProvider} fields={{ provider: provider.id }} label="Reconnect" pendingLabel="Redirecting…" variant="primary" />
            ) : null}
            <ActionForm action={callApi} fields={{ provider: provider.id }} label="Call API" pendingLabel="Calling…" outcomeRole="status" />
            {provider.canGrantMore ? (
              <ActionForm action={grantMoreAccess} fields={{ provider: provider.id }} label="Grant more access" pendingLabel="Redirecting…" />
            ) : null}
            <ActionForm action={disconnect} fields={{ accountId: connection.id }} label="Disconnect" pendingLabel="Disconnecting…" variant="danger" />
          </>
        ) : (
          <ActionForm action={connectProvider} fields={{ provider: provider.id }} label="Connect" pendingLabel="Redirecting…" variant="primary" />
        )}
      </div>
    </li>
  );
}
