// The data layer for /settings/accounts: what a person has connected, without a single token.
import "server-only";
import { db } from "@/lib/db";
import { FAILING_AFTER } from "@/lib/tokens/back-off";
import { hasKeyFor } from "@/lib/tokens/crypto";
import { expiryState } from "@/lib/tokens/expiry";

export interface Connection {
  id: string;
  provider: string;
  username: string | null;
  email: string | null;
  image: string | null;
  scopes: string[];
  connectedAt: Date;
  status: "active" | "expiring" | "expired" | "failing" | "needs_reconnect" | "revoked";
  expiresAt: Date | null;
  lastRefreshedAt: Date | null;
  lastError: string | null;
  /** Backing off after failed refreshes: the next automatic attempt. */
  retryAt: Date | null;
}

export async function listConnections(userId: string): Promise<Connection[]> {
  const rows = await db.account.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, provider: true, username: true, email: true, image: true, scope: true, createdAt: true,
      status: true, expires_at: true, accessTokenIssuedAt: true, lastRefreshedAt: true, lastError: true,
      failureCount: true, nextRetryAt: true,
      // Ciphertext only, to tell whether its key is still configured; never decrypted or returned here.
      access_token: true, refresh_token: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    provider: row.provider,
    username: row.username,
    email: row.email,
    image: row.image,
    scopes: row.scope ? row.scope.split(" ") : [],
    connectedAt: row.createdAt,
    status: connectionStatus(row),
    expiresAt: row.expires_at ? new Date(row.expires_at * 1000) : null,
    lastRefreshedAt: row.lastRefreshedAt,
    lastError: row.lastError,
    retryAt: row.failureCount > 0 && row.nextRetryAt && row.nextRetryAt > new Date() ? row.nextRetryAt : null,
  }));
}

interface HealthRow {
  status: string;
  expires_at: number | null;
  accessTokenIssuedAt: Date | null;
  failureCount: number;
  access_token: string | null;
  refresh_token: string | null;
}

/** The same expiry margin withProviderToken refreshes at (lib/tokens/expiry.ts). */
export function connectionStatus(row: HealthRow, nowMs = Date.now()): Connection["status"] {
  if (row.status === "needs_reconnect" || row.status === "revoked") return row.status;
  const tokens = [row.access_token, row.refresh_token].filter((value) => value !== null);
  if (!tokens.every((value) => hasKeyFor(value))) return "needs_reconnect";
  if (row.failureCount >= FAILING_AFTER) return "failing";
  const expiry = expiryState(row.expires_at, row.accessTokenIssuedAt, nowMs);
  return expiry === "valid" ? "active" : expiry;
}

/** The scopes this user granted a provider, or null when it is not connected. */
export async function grantedScopes(userId: string, provider: string): Promise<string[] | null> {
  const account = await db.account.findFirst({ where: { userId, provider }, select: { scope: true } });
  return account ? (account.scope?.split(" ").filter(Boolean) ?? []) : null;
}
