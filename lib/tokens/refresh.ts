// Single-flight refresh across processes, coordinated through the database only: a lease on the Account
// row taken by one conditional UPDATE, with deadlines on the database's clock. The holder calls the token
// endpoint (holding no database lock), then writes every token column in one UPDATE guarded by the version
// and its ownership, releasing the lease. Everyone else waits and re-reads. A crashed holder's lease lapses.
import "server-only";
import { randomUUID } from "node:crypto";
import type { AuthorizationServer } from "oauth4webapi";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordActivity } from "@/lib/activity";
import { authorizationServer } from "@/lib/providers/oauth";
import type { ProviderDefinition } from "@/lib/providers/types";
import { DB_NOW, recordTransientFailure } from "./back-off";
import { readSecret, tokenColumns } from "./columns";
import { ReconnectRequiredError, TransientTokenError } from "./errors";
import { requestRefresh, TOKEN_REQUEST_TIMEOUT_MS } from "./refresh-grant";
import { markUndecryptable } from "./undecryptable";

/**
 * The lease cannot lapse under a live holder. Inside it run: one row read, the token request
 * (≤ TOKEN_REQUEST_TIMEOUT_MS = 12 s, aborted after that), one UPDATE. Discovery (≤ 5 s) runs before the
 * lease is taken, so it is not inside. 15 s = 12 s + 3 s for the two statements; and the holder renews
 * the lease every RENEW_EVERY_MS = 3 s while it works, so even statements slower than 3 s cannot let it
 * lapse: a lapse needs 15 s without a single successful renewal, i.e. a dead (or partitioned) holder.
 */
export const LEASE_MS = 15_000;
const RENEW_EVERY_MS = 3_000;
const LEASE = Prisma.sql`${`${LEASE_MS} milliseconds`}::interval`;
const WAIT_STEP_MS = 50;
/** A waiter gives up only after a live holder must have finished (or its lease lapsed and was retaken). */
const MAX_WAIT_MS = LEASE_MS + TOKEN_REQUEST_TIMEOUT_MS;

const inFlight = new Map<string, Promise<TokenRow>>();

export const tokenRowSelect = {
  id: true, userId: true, provider: true, access_token: true, refresh_token: true, id_token: true,
  expires_at: true, accessTokenIssuedAt: true, version: true, status: true,
} as const;

export type TokenRow = Prisma.AccountGetPayload<{ select: typeof tokenRowSelect }>;

const readRow = (id: string) => db.account.findUniqueOrThrow({ where: { id }, select: tokenRowSelect });

/**
 * Returns the account after a refresh newer than `seenVersion` — made here, or by any other caller in
 * any process. Callers in this process share one promise.
 */
export function refreshAccount(provider: ProviderDefinition, accountId: string, seenVersion: number): Promise<TokenRow> {
  const key = `${accountId}@${seenVersion}`;
  const running = inFlight.get(key);
  if (running) return running;
  const promise = refreshOnce(provider, accountId, seenVersion).finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}

async function refreshOnce(provider: ProviderDefinition, accountId: string, seenVersion: number): Promise<TokenRow> {
  const owner = randomUUID();
  // Truncated to the column's precision, so a failure recorded after this moment never compares as before it.
  const [{ now: startedAt }] = await db.$queryRaw<{ now: string }[]>`
    SELECT to_char(date_trunc('milliseconds', ${DB_NOW}), 'YYYY-MM-DD HH24:MI:SS.MS') AS now`;
  const since = Prisma.sql`${startedAt}::timestamp`;
  const waitUntil = Date.now() + MAX_WAIT_MS; // a duration on this process's clock; deadlines are the database's

  let server: AuthorizationServer;
  try {
    server = await authorizationServer(provider); // before the lease: discovery's time is never spent holding it
  } catch {
    const detail = "the provider's metadata could not be loaded";
    await recordTransientFailure(
      accountId,
      Prisma.sql`"version" = ${seenVersion} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${DB_NOW}) AND ("lastErrorAt" IS NULL OR "lastErrorAt" < ${since})`,
      detail,
      provider.id,
    );
    throw new TransientTokenError(provider.name, detail);
  }

  for (;;) {
    const taken = await db.$executeRaw`
      UPDATE "Account" SET "leaseOwner" = ${owner}, "leaseUntil" = ${DB_NOW} + ${LEASE}
      WHERE "id" = ${accountId} AND "version" = ${seenVersion} AND "status" = 'active'
        AND ("leaseUntil" IS NULL OR "leaseUntil" < ${DB_NOW})
        -- A refresh that failed while we waited is not tried again by every waiter (no retry storm).
        AND ("lastErrorAt" IS NULL OR "lastErrorAt" < ${since})`;
    if (taken === 1) return refreshAsLeaseHolder(provider, server, accountId, seenVersion, owner);
    const [row] = await db.$queryRaw<{ version: number; status: string; lastError: string | null; failedSince: boolean }[]>`
      SELECT "version", "status", "lastError", COALESCE("lastErrorAt" >= ${since}, false) AS "failedSince"
      FROM "Account" WHERE "id" = ${accountId}`;
    if (!row) throw new ReconnectRequiredError(provider.name);
    if (row.version !== seenVersion || row.status !== "active") return assertUsable(provider, await readRow(accountId));
    if (row.failedSince) throw new TransientTokenError(provider.name, row.lastError ?? "the refresh failed");
    if (Date.now() > waitUntil) throw new TransientTokenError(provider.name, "another refresh is taking too long");
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

async function refreshAsLeaseHolder(
  provider: ProviderDefinition,
  server: AuthorizationServer,
  accountId: string,
  seenVersion: number,
  owner: string,
): Promise<TokenRow> {
  const stopRenewing = renewWhileRunning(accountId, owner);
  const mine = { id: accountId, version: seenVersion, leaseOwner: owner };
  try {
    // Re-read under the lease: the version and refresh token acted on are the ones the lease covers.
    const row = await readRow(accountId);
    if (row.version !== seenVersion || row.status !== "active") return assertUsable(provider, row);
    let refreshToken: string | undefined;
    try {
      refreshToken = readSecret(row.refresh_token, "refresh_token")?.value;
    } catch {
      await markUndecryptable(row, provider);
      throw new ReconnectRequiredError(provider.name);
    }
    const outcome = refreshToken
      ? await requestRefresh(provider, server, refreshToken)
      : ({ kind: "invalid_grant", detail: "no refresh token was granted" } as const);

    if (outcome.kind === "ok") {
      const { count } = await db.account.updateMany({
        where: mine,
        data: {
          ...tokenColumns(outcome.tokens),
          version: { increment: 1 },
          leaseOwner: null,
          leaseUntil: null,
          lastRefreshedAt: new Date(),
          lastError: null,
          lastErrorAt: null,
          failureCount: 0,
          nextRetryAt: null,
          status: "active",
        },
      });
      if (count === 1) return readRow(accountId);
      // Overtaken (our lease lapsed and another holder wrote first): theirs is newer, use it.
      const current = await readRow(accountId);
      if (current.version !== seenVersion) return assertUsable(provider, current);
      throw new TransientTokenError(provider.name, "the refresh was overtaken");
    }

    if (outcome.kind === "invalid_grant") {
      // Maybe another caller rotated the token meanwhile (lease lapsed under us): use theirs.
      const current = await readRow(accountId);
      if (current.version !== seenVersion) return assertUsable(provider, current);
      await db.account.updateMany({
        where: mine,
        data: { status: "needs_reconnect", lastError: outcome.detail, lastErrorAt: new Date(), leaseOwner: null, leaseUntil: null },
      });
      await recordActivity(row.userId, "needs_reconnect", provider.id, { key: "grantRefused", values: { detail: outcome.detail } });
      throw new ReconnectRequiredError(provider.name);
    }

    // Transient: the stored tokens stay exactly as they were; the failure is noted and backs off.
    await recordTransientFailure(accountId, Prisma.sql`"leaseOwner" = ${owner}`, outcome.detail, provider.id);
    throw new TransientTokenError(provider.name, outcome.detail);
  } catch (error) {
    if (!(error instanceof TransientTokenError || error instanceof ReconnectRequiredError)) {
      // Database or decrypt trouble inside the lease: recorded (no message: it could name a host), then rethrown.
      const detail = `the refresh failed on our side (${error instanceof Error ? error.name : "unknown"})`;
      await recordTransientFailure(accountId, Prisma.sql`"leaseOwner" = ${owner}`, detail, provider.id).catch(() => undefined);
    }
    throw error;
  } finally {
    stopRenewing();
    // Normally the final write already released it; this covers every other way out.
    await db.account
      .updateMany({ where: { id: accountId, leaseOwner: owner }, data: { leaseOwner: null, leaseUntil: null } })
      .catch(() => undefined);
  }
}

/** Pushes the lease's deadline forward while the holder works; one renewal at a time. */
function renewWhileRunning(accountId: string, owner: string): () => void {
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing.then(() =>
      db.$executeRaw`UPDATE "Account" SET "leaseUntil" = ${DB_NOW} + ${LEASE} WHERE "id" = ${accountId} AND "leaseOwner" = ${owner}`.catch(
        () => undefined, // the next tick tries again; a lapse is then handled by the guarded write
      ),
    );
  }, RENEW_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

function assertUsable(provider: ProviderDefinition, row: TokenRow): TokenRow {
  if (row.status !== "active") throw new ReconnectRequiredError(provider.name);
  return row;
}
