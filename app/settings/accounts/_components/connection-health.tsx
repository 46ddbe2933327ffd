import type { Connection } from "@/lib/accounts/connections";

const labels: Record<Connection["status"], { text: string; className: string }> = {
  active: { text: "Active", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  expiring: { text: "Expiring soon", className: "bg-amber-50 text-amber-800 ring-amber-200" },
  expired: { text: "Expired", className: "bg-amber-50 text-amber-800 ring-amber-200" },
  failing: { text: "Failing", className: "bg-red-50 text-red-800 ring-red-200" },
  needs_reconnect: { text: "Needs reconnect", className: "bg-red-50 text-red-800 ring-red-200" },
  revoked: { text: "Revoked", className: "bg-slate-100 text-slate-700 ring-slate-300" },
};

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function ConnectionHealth({ connection }: { connection: Connection }) {
  const label = labels[connection.status];
  return (
    <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-600">
      <dt>Status</dt>
      <dd><span data-testid="connection-status" className={`rounded-full px-2 py-0.5 font-medium ring-1 ${label.className}`}>{label.text}</span></dd>
      <dt>Access token expires</dt>
      <dd>{connection.expiresAt ? `${time.format(connection.expiresAt)} UTC` : "Does not expire"}</dd>
      <dt>Last refreshed</dt>
      <dd>{connection.lastRefreshedAt ? `${time.format(connection.lastRefreshedAt)} UTC` : "Never"}</dd>
      {connection.lastError ? (
        <>
          <dt>Last error</dt>
          <dd className="text-red-700">{connection.lastError}</dd>
        </>
      ) : null}
      {connection.retryAt ? (
        <>
          <dt>Next attempt</dt>
          <dd data-testid="connection-retry">retrying at {time.format(connection.retryAt)} UTC</dd>
        </>
      ) : null}
      {connection.status === "failing" ? (
        <dd className="col-span-2 text-red-700" data-testid="connection-failing">
          Refreshing this connection keeps failing. We keep retrying; if it does not recover, disconnect and connect it again.
        </dd>
      ) : null}
    </dl>
  );
}
