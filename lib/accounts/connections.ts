// The data layer for /settings/accounts: what a person has connected, without a single token.
import "server-only";
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

export async function listConnections(userId: string): Promise<Connection[]> {
  const rows = await db.account.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, provider: true, username: true, email: true, image: true, scope: true, createdAt: true,
      status: true, expires_at: true, lastRefreshedAt: true, lastError: true,
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
