// Single-flight refresh across processes, coordinated through the database only:
// a lease on the Account row taken by one conditional UPDATE. The winner calls the token endpoint
// (holding no database lock), then writes every token column in one UPDATE guarded by the version it
// read, releasing the lease. Everyone else waits briefly and re-reads. A crashed winner's lease expires.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import type { ProviderDefinition } from "@/lib/providers/types";
import { readSecret, tokenColumns } from "./columns";
import { ReconnectRequiredError, TransientTokenError } from "./errors";
import { requestRefresh, TOKEN_REQUEST_TIMEOUT_MS } from "./token-endpoint";

/** Longer than one token request can take, so a live winner never loses its lease. */
export const LEASE_MS = TOKEN_REQUEST_TIMEOUT_MS * 2;
const WAIT_STEP_MS = 50;
const MAX_WAIT_MS = LEASE_MS + 2_000;

const inFlight = new Map<string, Promise<TokenRow>>();

export const tokenRowSelect = {
  id: true, userId: true, provider: true, access_token: true, refresh_token: true, id_token: true,
  expires_at: true, accessTokenIssuedAt: true, version: true, status: true,
} as const;

export interface TokenRow {
  id: string;
  userId: string;
  provider: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  expires_at: number | null;
  accessTokenIssuedAt: Date | null;
  version: number;
  status: string;
}

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
  const startedAt = new Date();
  const deadline = startedAt.getTime() + MAX_WAIT_MS;
  for (;;) {
    const now = new Date();
    const { count } = await db.account.updateMany({
      where: {
        id: accountId,
        version: seenVersion,
        AND: [
          { OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
          // A refresh that failed while we waited is not tried again by every waiter (no retry storm).
          { OR: [{ lastErrorAt: null }, { lastErrorAt: { lt: startedAt } }] },
        ],
      },
      data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (count === 1) return refreshAsLeaseHolder(provider, accountId, seenVersion, owner);
    const row = await db.account.findUnique({ where: { id: accountId }, select: { ...tokenRowSelect, lastError: true, lastErrorAt: true } });
    if (!row) throw new ReconnectRequiredError(provider.name);
    if (row.version !== seenVersion || row.status !== "active") return assertUsable(provider, row);
    if (row.lastErrorAt && row.lastErrorAt >= startedAt) throw new TransientTokenError(provider.name, row.lastError ?? "the refresh failed");
    if (Date.now() > deadline) throw new TransientTokenError(provider.name, "another refresh is taking too long");
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

async function refreshAsLeaseHolder(provider: ProviderDefinition, accountId: string, seenVersion: number, owner: string) {
  const row = await db.account.findUniqueOrThrow({ where: { id: accountId }, select: tokenRowSelect });
  const refreshToken = readSecret(row.refresh_token, "refresh_token")?.value;
  const outcome = refreshToken
    ? await requestRefresh(provider, refreshToken)
    : ({ kind: "invalid_grant", detail: "no refresh token was granted" } as const);
  const mine = { id: accountId, version: seenVersion, leaseOwner: owner };

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
        status: "active",
      },
    });
    if (count === 0) throw new TransientTokenError(provider.name, "the refresh was overtaken");
    return db.account.findUniqueOrThrow({ where: { id: accountId }, select: tokenRowSelect });
  }

  if (outcome.kind === "invalid_grant") {
    // Maybe another caller rotated the token meanwhile (lease expired under us): use theirs.
    const current = await db.account.findUniqueOrThrow({ where: { id: accountId }, select: tokenRowSelect });
    if (current.version !== seenVersion) return assertUsable(provider, current);
    await db.account.updateMany({
      where: mine,
      data: { status: "needs_reconnect", lastError: outcome.detail, lastErrorAt: new Date(), leaseOwner: null, leaseUntil: null },
    });
    await recordActivity(row.userId, "needs_reconnect", provider.id, outcome.detail);
    throw new ReconnectRequiredError(provider.name);
  }

  // Transient: the stored tokens stay exactly as they were; only the error is noted.
  await db.account.updateMany({
    where: mine,
    data: { lastError: outcome.detail, lastErrorAt: new Date(), leaseOwner: null, leaseUntil: null },
  });
  throw new TransientTokenError(provider.name, outcome.detail);
}

function assertUsable(provider: ProviderDefinition, row: TokenRow): TokenRow {
  if (row.status !== "active") throw new ReconnectRequiredError(provider.name);
  return row;
}
