// The data layer for /settings/accounts: what a person has connected, without a single token. A connection is
// one Account row, addressed by its id; every lookup here is scoped to the user, so another user's id is "not found".
import "server-only";
import { batchedReads, rowsByKey } from "@/lib/database/batched-reads";
import { queryRows } from "@/lib/database/raw-query";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import { FAILING_AFTER } from "@/lib/tokens/back-off";
import { hasKeyFor } from "@/lib/tokens/crypto";
import { expiryState } from "@/lib/tokens/expiry";
import type { ServiceUse } from "./service-access";
import { canSignInWith } from "./sign-in-methods";

export interface Connection {
  id: string;
  provider: string;
  username: string | null;
  email: string | null;
  image: string | null;
  label: string | null;
  /** The stored "Use to sign in" switch. */
  signInEnabled: boolean;
  /** False when this deployment no longer configures the provider: listed, removable, never counted. */
  available: boolean;
  /** Whether this connection counts as a way to sign in right now. */
  canSignIn: boolean;
  scopes: string[];
  connectedAt: Date;
  status: "active" | "expiring" | "expired" | "failing" | "needs_reconnect" | "revoked";
  expiresAt: Date | null;
  lastRefreshedAt: Date | null;
  lastError: string | null;
  /** Backing off after failed refreshes: the next automatic attempt. */
  retryAt: Date | null;
  /** The person's consent for outside services (service keys) and which services used this connection. */
  services: { allowed: boolean; uses: ServiceUse[] };
}

/**
 * Account rows that are connections. Auth.js also stores each passkey as an Account row (type "webauthn");
 * passkeys live on the security page, never in the connections list or its actions.
 */
const CONNECTION_TYPE_NAMES = ["oauth", "oidc"];
export const CONNECTION_TYPES = { type: { in: CONNECTION_TYPE_NAMES } };
const CONNECTION_TYPES_SQL = `"type" IN (${CONNECTION_TYPE_NAMES.map((name) => `'${name}'`).join(", ")})`;

interface ConnectionRow extends HealthRow {
  id: string;
  userId: string;
  provider: string;
  username: string | null;
  email: string | null;
  image: string | null;
  label: string | null;
  signInEnabled: boolean;
  scope: string | null;
  createdAt: Date;
  lastRefreshedAt: Date | null;
  lastError: string | null;
  nextRetryAt: Date | null;
  allowServices: boolean;
  /** JSON: node-postgres and PGlite's raw path both hand it back parsed; dates arrive as ISO strings. */
  serviceUses: { serviceName: string; lastUsedAt: string; revoked: boolean }[];
}

/**
 * The settings page's one accounts read, shaped for the list (service use included): one statement without
 * Prisma's query pipeline (lib/database/raw-query.ts; its cost per query is in docs/performance.md), shared by
 * the lists several requests ask for at the same moment (lib/database/batched-reads.ts).
 */
const connectionReads = batchedReads(async (userIds: readonly string[]) => {
  const rows = await queryRows<ConnectionRow>(
    `SELECT "id", "userId", "provider", "username", "email", "image", "label", "signInEnabled", "scope", "status", "expires_at",
       "createdAt" AT TIME ZONE 'UTC' AS "createdAt",
       "accessTokenIssuedAt" AT TIME ZONE 'UTC' AS "accessTokenIssuedAt",
       "lastRefreshedAt" AT TIME ZONE 'UTC' AS "lastRefreshedAt",
       "nextRetryAt" AT TIME ZONE 'UTC' AS "nextRetryAt",
       "lastError", "failureCount", "allowServices",
       COALESCE((
         SELECT json_agg(json_build_object('serviceName', k."name", 'lastUsedAt', u."lastUsedAt" AT TIME ZONE 'UTC',
           'revoked', k."revokedAt" IS NOT NULL) ORDER BY u."lastUsedAt" DESC)
         FROM "ServiceUsage" u JOIN "ServiceKey" k ON k."id" = u."serviceKeyId" WHERE u."accountId" = "Account"."id"
       ), '[]') AS "serviceUses",
       -- Ciphertext only, to tell whether its key is still configured; never decrypted or returned here.
       "access_token", "refresh_token"
     FROM "Account" WHERE "userId" = ANY($1::text[]) AND ${CONNECTION_TYPES_SQL}
     ORDER BY "createdAt" ASC, "id" ASC`,
    [userIds],
  );
  return rowsByKey(userIds, rows, (row) => row.userId);
});

export async function listConnections(userId: string): Promise<Connection[]> {
  const rows = await connectionReads.load(userId);
  const now = new Date();
  return rows.map((row) => ({
    id: row.id,
    provider: row.provider,
    username: row.username,
    email: row.email,
    image: row.image,
    label: row.label,
    signInEnabled: row.signInEnabled,
    available: findProvider(row.provider) !== undefined,
    canSignIn: canSignInWith(row),
    scopes: row.scope ? row.scope.split(" ") : [],
    connectedAt: row.createdAt,
    status: connectionStatus(row, now.getTime()),
    expiresAt: row.expires_at ? new Date(row.expires_at * 1000) : null,
    lastRefreshedAt: row.lastRefreshedAt,
    lastError: row.lastError,
    retryAt: row.failureCount > 0 && row.nextRetryAt && row.nextRetryAt > now ? row.nextRetryAt : null,
    services: {
      allowed: row.allowServices,
      uses: row.serviceUses.map((use) => ({ ...use, lastUsedAt: new Date(use.lastUsedAt) })),
    },
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

/** One of this user's connections (no tokens), or null: another user's id is indistinguishable from none. */
export function findConnection(userId: string, connectionId: string) {
  return db.account.findFirst({
    where: { id: connectionId, userId, ...CONNECTION_TYPES },
    select: { id: true, provider: true, providerAccountId: true, username: true, email: true, scope: true, signInEnabled: true },
  });
}

export class ConnectionResolutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConnectionResolutionError";
  }
}

/**
 * For callers that only know a provider id (scripts, older integrations): the user's connection of that provider,
 * only when there is exactly one. With none or several, it says so instead of picking one.
 */
export async function resolveConnectionId(userId: string, providerId: string): Promise<string> {
  const name = findProvider(providerId)?.name ?? providerId;
  const rows = await db.account.findMany({ where: { userId, provider: providerId, ...CONNECTION_TYPES }, select: { id: true }, take: 2 });
  if (rows.length === 0) throw new ConnectionResolutionError(`${name} is not connected.`);
  if (rows.length > 1) {
    throw new ConnectionResolutionError(`You have more than one ${name} account connected; choose one by its connection id.`);
  }
  return rows[0].id;
}
