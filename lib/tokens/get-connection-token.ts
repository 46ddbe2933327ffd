// A connection's access token for code acting for the person — outside services through /api/v1, or code
// inside the app — under one set of rules: the connection must be the person's, the person must have
// allowed services to use it, and it must not need reconnecting. The token comes from withProviderToken,
// so an expiring one is refreshed first through the same single flight as everything else.
import "server-only";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import type { ProviderDefinition } from "@/lib/providers/types";
import { readSecret } from "./columns";
import { NotConnectedError, ReconnectRequiredError, TransientTokenError } from "./errors";
import { withProviderToken } from "./with-provider-token";

export type ConnectionRefusal = "not_found" | "consent_required" | "reconnect_required" | "temporarily_unavailable";

export type ConnectionAccess =
  | { ok: true; provider: ProviderDefinition }
  | { ok: false; reason: ConnectionRefusal; message: string };

export type ConnectionToken =
  | { ok: true; provider: ProviderDefinition; accessToken: string; expiresAt: number | null; scopes: string[] }
  | { ok: false; reason: ConnectionRefusal; message: string };

export interface AccessOptions {
  /** Provider ids a service key is limited to; other connections look like they do not exist. */
  providers?: readonly string[] | null;
}

const notFound = { ok: false, reason: "not_found", message: "No such connection." } as const;

/** The checks without the token: read fresh on every request, so turning consent off applies to the next one. */
export async function checkConnectionAccess(userId: string, connectionId: string, options: AccessOptions = {}): Promise<ConnectionAccess> {
  const row = await db.account.findFirst({ where: { id: connectionId, userId }, select: { provider: true, allowServices: true, status: true } });
  const provider = row ? findProvider(row.provider) : undefined;
  if (!row || !provider || (options.providers && !options.providers.includes(provider.id))) return notFound;
  if (!row.allowServices) {
    return { ok: false, reason: "consent_required", message: `The person has not allowed services to use this ${provider.name} connection.` };
  }
  if (row.status !== "active") return { ok: false, reason: "reconnect_required", message: `${provider.name} needs to be reconnected.` };
  return { ok: true, provider };
}

/** Maps the token layer's errors to refusals; anything else is a bug and is rethrown. */
export function refusalOf(error: unknown): { reason: ConnectionRefusal; message: string } {
  if (error instanceof ReconnectRequiredError) return { reason: "reconnect_required", message: error.message };
  if (error instanceof TransientTokenError) return { reason: "temporarily_unavailable", message: error.message };
  if (error instanceof NotConnectedError) return notFound;
  throw error;
}

export async function getConnectionToken(userId: string, connectionId: string, options: AccessOptions = {}): Promise<ConnectionToken> {
  const access = await checkConnectionAccess(userId, connectionId, options);
  if (!access.ok) return access;
  // Up to three rounds: a refresh by another caller between getting the token and reading its expiry
  // would pair the token with the newer token's expiry, so that case reads again.
  for (let round = 0; round < 3; round++) {
    let accessToken: string | undefined;
    try {
      // The callback makes no call: it only receives the (refreshed when needed) token.
      await withProviderToken(userId, connectionId, async (token) => {
        accessToken = token;
        return new Response(null, { status: 204 });
      });
    } catch (error) {
      return { ok: false, ...refusalOf(error) };
    }
    const row = await db.account.findFirst({ where: { id: connectionId, userId }, select: { access_token: true, expires_at: true, scope: true } });
    if (!row || accessToken === undefined) return notFound;
    if (readSecret(row.access_token, "access_token")?.value !== accessToken) continue;
    return { ok: true, provider: access.provider, accessToken, expiresAt: row.expires_at, scopes: row.scope?.split(" ").filter(Boolean) ?? [] };
  }
  return { ok: false, reason: "temporarily_unavailable", message: `${access.provider.name} access is changing right now. Please try again.` };
}
