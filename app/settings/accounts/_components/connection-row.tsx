import { ActionForm } from "@/components/action-form";
import { Avatar } from "@/components/ui/avatar";
import type { Connection } from "@/lib/accounts/connections";
import { callApi, disconnect, grantMoreAccess, reconnect, saveLabel, setUseToSignIn } from "../actions";
import { ConnectionHealth } from "./connection-health";
import { LabelForm } from "./label-form";
import { ServiceAccess } from "./service-access";
import { SignInSwitch } from "./sign-in-switch";

const date = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

interface Props {
  /** Null when this deployment no longer configures the connection's provider. */
  provider: { id: string; name: string; canGrantMore: boolean; connectOnly: boolean } | null;
  connection: Connection;
}

/** The list item's name: provider and identity, so two accounts of one provider are told apart. */
export function connectionName(providerName: string, connection: Connection) {
  return `${providerName}: ${connection.username ?? connection.email ?? "account"}`;
}

/** One connected account: who it is at the provider, its label, its health and what can be done with it. */
export function ConnectionRow({ provider, connection }: Props) {
  const providerName = provider?.name ?? connection.provider;
  const fields = { connectionId: connection.id };
  return (
    <li aria-label={connectionName(providerName, connection)} className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-4 p-4 sm:grid-cols-[auto_1fr_14rem] sm:p-5">
      <Avatar name={connection.username ?? providerName} image={connection.image} />
      <div className="min-w-0">
        <h2 className="font-medium">
          {providerName}
          {connection.label ? <span className="ml-2 rounded-md bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{connection.label}</span> : null}
        </h2>
        <p className="truncate text-sm text-slate-700">
          {connection.username}
          {connection.email && connection.email !== connection.username ? <span className="text-slate-500"> · {connection.email}</span> : null}
        </p>
        <p className="mt-1 text-xs text-slate-500">Connected {date.format(connection.connectedAt)}</p>
        {provider ? null : (
          <p className="mt-2 text-sm text-amber-800">Unavailable: this provider is no longer configured here. You can remove it.</p>
        )}
        {connection.scopes.length > 0 ? (
          <ul aria-label="Granted scopes" className="mt-2 flex flex-wrap gap-1.5">
            {connection.scopes.map((scope) => (
              <li key={scope} className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700">{scope}</li>
            ))}
          </ul>
        ) : null}
        {provider ? <ConnectionHealth connection={connection} /> : null}
        <LabelForm action={saveLabel} connectionId={connection.id} label={connection.label} />
        {provider && !provider.connectOnly ? (
          <SignInSwitch action={setUseToSignIn} connectionId={connection.id} enabled={connection.signInEnabled} />
        ) : null}
        {provider ? <ServiceAccess connectionId={connection.id} /> : null}
      </div>
      <div className="col-span-2 flex flex-wrap items-center gap-2 sm:col-span-1 sm:flex-col sm:items-stretch">
        {provider && (connection.status === "needs_reconnect" || connection.status === "revoked") ? (
          <ActionForm action={reconnect} fields={fields} label="Reconnect" pendingLabel="Redirecting…" variant="primary" />
        ) : null}
        {provider ? <ActionForm action={callApi} fields={fields} label="Call API" pendingLabel="Calling…" outcomeRole="status" /> : null}
        {provider?.canGrantMore ? (
          <ActionForm action={grantMoreAccess} fields={fields} label="Grant more access" pendingLabel="Redirecting…" />
        ) : null}
        <ActionForm action={disconnect} fields={fields} label="Disconnect" pendingLabel="Disconnecting…" variant="danger" />
      </div>
    </li>
  );
}
