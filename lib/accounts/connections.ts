// The data layer for /settings/accounts: what a person has connected, without a single token.
import "server-only";
import { queryRows } from "@/lib/database/raw-query";
import { db } from "@/lib/db";

export interface Connection {
  id: string;
  provider: string;
  username: string | null;
  email: string | null;
  image: string | null;
  scopes: string[];
  connectedAt: Date;
  status: "active" | "expiring" | "needs_reconnect" | "revoked";
  expiresAt: Date | null;
  lastRefreshedAt: Date | null;
  lastError: string | null;
}

/** The same margin withProviderToken refreshes at: "expiring soon" means the next use refreshes it. */
const EXPIRING_SOON_MS = 60 * 1000;

/** Columns for the list only, in one statement without Prisma's query pipeline (lib/database/raw-query.ts). */
interface ConnectionRow {
  id: string; provider: string; username: string | null; email: string | null; image: string | null;
  scope: string | null; createdAt: Date; status: string; expires_at: number | null;
  lastRefreshedAt: Date | null; lastError: string | null;
}

export async function listConnections(userId: string): Promise<Connection[]> {
  const rows = await queryRows<ConnectionRow>(
    `SELECT "id", "provider", "username", "email", "image", "scope", "createdAt" AT TIME ZONE 'UTC' AS "createdAt",
       "status", "expires_at", "lastRefreshedAt" AT TIME ZONE 'UTC' AS "lastRefreshedAt", "lastError"
     FROM "Account" WHERE "userId" = $1 ORDER BY "createdAt" ASC`,
    [userId],
  );
  return rows.map((row) => ({
    id: row.id,
    provider: row.provider,
    username: row.username,
    email: row.email,
    image: row.image,
    scopes: row.scope ? row.scope.split(" ") : [],
    connectedAt: row.createdAt,
    status: connectionStatus(row.status, row.expires_at),
    expiresAt: row.expires_at ? new Date(row.expires_at * 1000) : null,
    lastRefreshedAt: row.lastRefreshedAt,
    lastError: row.lastError,
  }));
}

function connectionStatus(stored: string, expiresAt: number | null): Connection["status"] {
  if (stored === "needs_reconnect" || stored === "revoked") return stored;
  if (expiresAt !== null && expiresAt * 1000 - Date.now() < EXPIRING_SOON_MS) return "expiring";
  return "active";
}

/** The scopes this user granted a provider, or null when it is not connected. */
export async function grantedScopes(userId: string, provider: string): Promise<string[] | null> {
  const account = await db.account.findFirst({ where: { userId, provider }, select: { scope: true } });
  return account ? (account.scope?.split(" ").filter(Boolean) ?? []) : null;
}
