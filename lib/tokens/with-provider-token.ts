// The one server-side way to use a person's provider token:
//   withProviderToken(userId, "github", (accessToken) => fetch(url, { headers: { authorization: `Bearer ${accessToken}` } }))
// Refreshes first when the token expires within a minute; on a 401, refreshes once and retries once — never more.
import "server-only";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import { readSecret } from "./columns";
import { encrypt, isStale } from "./crypto";
import { NotConnectedError, ReconnectRequiredError } from "./errors";
import { refreshAccount, type TokenRow } from "./refresh";
import { readTokenRow } from "./token-row";

export const EXPIRY_MARGIN_SECONDS = 60;

export async function withProviderToken(
  userId: string,
  providerId: string,
  call: (accessToken: string) => Promise<Response>,
): Promise<Response> {
  const provider = findProvider(providerId);
  if (!provider) throw new NotConnectedError(providerId);
  let row = await readTokenRow(userId, { provider: providerId });
  if (!row) throw new NotConnectedError(provider.name);
  if (row.status !== "active") throw new ReconnectRequiredError(provider.name);
  if (expiresSoon(row)) row = await refreshAccount(provider, row.id, row.version);

  const response = await call(await accessTokenOf(row, provider.name));
  if (response.status !== 401) return response;
  // The provider rejected a token we believed valid (revoked early, clock skew): one refresh, one retry.
  await response.body?.cancel();
  row = await refreshAccount(provider, row.id, row.version);
  return call(await accessTokenOf(row, provider.name));
}

/** Within a minute of expiry — or, for tokens that live only minutes, within a quarter of their lifetime. */
function expiresSoon(row: TokenRow): boolean {
  if (row.expires_at === null) return false;
  const lifetime = row.accessTokenIssuedAt ? row.expires_at - row.accessTokenIssuedAt.getTime() / 1000 : Infinity;
  const margin = Math.min(EXPIRY_MARGIN_SECONDS, lifetime / 4);
  return row.expires_at - Date.now() / 1000 < margin;
}

async function accessTokenOf(row: TokenRow, providerName: string): Promise<string> {
  const access = readSecret(row.access_token, "access_token");
  if (!access) throw new ReconnectRequiredError(providerName);
  // The other tokens are only decrypted when they need re-encrypting: no plaintext refresh token per call.
  const stale = (stored: string | null) => stored !== null && isStale(stored);
  if (access.stale || stale(row.refresh_token) || stale(row.id_token)) {
    const refresh = readSecret(row.refresh_token, "refresh_token");
    const idToken = readSecret(row.id_token, "id_token");
    // Written before encryption or under an older key: store it again under the current key.
    // Guarded by version so a concurrent refresh is never overwritten with older tokens.
    await db.account.updateMany({
      where: { id: row.id, version: row.version },
      data: {
        access_token: encrypt(access.value, "access_token"),
        ...(refresh ? { refresh_token: encrypt(refresh.value, "refresh_token") } : {}),
        ...(idToken ? { id_token: encrypt(idToken.value, "id_token") } : {}),
      },
    });
  }
  return access.value;
}
