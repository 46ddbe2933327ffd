// Consecutive transient refresh failures per connection back off exponentially: the keep-alive cron
// skips a connection until `nextRetryAt`, and after FAILING_AFTER failures in a row the page calls it
// "failing" and the person is told (an activity event). A successful refresh resets both columns.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordActivity } from "@/lib/activity";

export const BACK_OFF_BASE_SECONDS = 60;
export const BACK_OFF_MAX_SECONDS = 6 * 60 * 60;
export const FAILING_AFTER = 5;

/** The database's clock, in UTC like every Prisma DateTime column: no server's clock decides a lease or a retry. */
export const DB_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** Seconds to wait after the n-th consecutive failure: 1, 2, 4 … minutes, at most six hours. */
export function backOffSeconds(failureCount: number): number {
  return Math.min(BACK_OFF_BASE_SECONDS * 2 ** Math.max(0, failureCount - 1), BACK_OFF_MAX_SECONDS);
}

/**
 * Notes a transient failure: lastError, one more failure, the next retry time. `guard` is the extra
 * condition that makes this caller the one to record it (the lease owner, or no newer failure).
 * Stored tokens are never touched. Releases the lease when the guard is the owner's.
 */
export async function recordTransientFailure(accountId: string, guard: Prisma.Sql, detail: string, provider: string) {
  const [row] = await db.$queryRaw<{ userId: string; failureCount: number }[]>`
    UPDATE "Account" SET
      "lastError" = ${detail},
      "lastErrorAt" = ${DB_NOW},
      "failureCount" = "failureCount" + 1,
      "nextRetryAt" = ${DB_NOW} + LEAST(${BACK_OFF_BASE_SECONDS}::int * power(2, "failureCount"), ${BACK_OFF_MAX_SECONDS}::int) * interval '1 second',
      "leaseOwner" = NULL,
      "leaseUntil" = NULL
    WHERE "id" = ${accountId} AND ${guard}
    RETURNING "userId", "failureCount"`;
  if (row?.failureCount === FAILING_AFTER) {
    await recordActivity(row.userId, "refresh_failing", provider, { key: "refreshFailing", values: { count: FAILING_AFTER, detail } });
  }
}
