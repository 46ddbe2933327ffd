import { RelativeTime } from "@/components/relative-time";
import type { Connection } from "@/lib/accounts/connections";
import { failureMessage } from "@/lib/providers/failure";
import type { AccountsTranslator } from "./translator";

const tones: Record<Connection["status"], string> = {
  active: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800",
  expiring: "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  expired: "bg-orange-50 text-orange-800 ring-orange-200 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-800",
  failing: "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
  needs_reconnect: "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
  revoked: "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
};

/** Dates cross to the client component as ISO strings (a Date prop would be serialized anyway). */
const when = (date: Date) => <RelativeTime date={date.toISOString()} />;

export function ConnectionHealth({ connection, t }: { connection: Connection; t: AccountsTranslator }) {
  const { retryAt } = connection;
  // Our own failure kinds in the reader's language; anything else (a provider's own words) as it came.
  const failureText = (detail: string) => {
    const known = failureMessage(detail);
    return known ? t(`health.failures.${known.key}`, known.values) : detail;
  };
  return (
    <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
      <dt>{t("health.status")}</dt>
      <dd><span data-testid="connection-status" className={`rounded-full px-2 py-0.5 font-medium ring-1 ${tones[connection.status]}`}>{t(`health.${connection.status}`)}</span></dd>
      <dt>{connection.status === "expired" ? t("health.tokenExpired") : t("health.tokenExpires")}</dt>
      <dd>{connection.expiresAt ? when(connection.expiresAt) : t("health.noExpiry")}</dd>
      <dt>{t("health.lastRefreshed")}</dt>
      <dd>{connection.lastRefreshedAt ? when(connection.lastRefreshedAt) : t("health.never")}</dd>
      {connection.lastError ? (
        <>
          <dt>{t("health.lastError")}</dt>
          <dd className="break-words text-red-700 dark:text-red-300">{failureText(connection.lastError)}</dd>
        </>
      ) : null}
      {retryAt ? (
        <>
          <dt>{t("health.nextAttempt")}</dt>
          <dd data-testid="connection-retry">{t.rich("health.retryingAt", { when: () => when(retryAt) })}</dd>
        </>
      ) : null}
      {connection.status === "failing" ? (
        <dd className="col-span-2 text-red-700 dark:text-red-300" data-testid="connection-failing">{t("health.failingHelp")}</dd>
      ) : null}
    </dl>
  );
}
