// The one server-side way to use a person's provider token, for one connection (an Account row) of theirs:
//   withProviderToken(userId, connectionId, (accessToken) => fetch(url, { headers: { authorization: `Bearer ${accessToken}` } }))
// A connection id of another user is "not connected", exactly like an unknown id.
// Refreshes first when the token is expiring (lib/tokens/expiry.ts); on a 401, refreshes once and retries once — never more.
import "server-only";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import { readSecret } from "./columns";
import { encrypt, isStale } from "./crypto";
import { NotConnectedError, ReconnectRequiredError } from "./errors";
import { needsRefresh } from "./expiry";
import { refreshAccount, type TokenRow } from "./refresh";
import { readTokenRow } from "./token-row";
import { markUndecryptable } from "./undecryptable";

export async function withProviderToken(
  userId: string,
  connectionId: string,
  call: (accessToken: string) => Promise<Response>,
): Promise<Response> {
  let row = await readTokenRow(userId, { id: connectionId });
  if (!row) throw new NotConnectedError("That account");
  const provider = findProvider(row.provider);
  // A connection of a provider this deployment no longer configures cannot be used.
  if (!provider) throw new NotConnectedError(row.provider);
  if (row.status !== "active") throw new ReconnectRequiredError(provider.name);
  if (needsRefresh(row.expires_at, row.accessTokenIssuedAt)) row = await refreshAccount(provider, row.id, row.version);

  const response = await call(await accessTokenOf(row, provider.name));
  if (response.status !== 401) return response;
  // The provider rejected a token we believed valid (revoked early, clock skew): one refresh, one retry.
  await response.body?.cancel();
  row = await refreshAccount(provider, row.id, row.version);
  return call(await accessTokenOf(row, provider.name));
}

async function accessTokenOf(row: TokenRow, providerName: string): Promise<string> {
  // The other tokens are only decrypted when they need re-encrypting: no plaintext refresh token per call.
  const stale = (stored: string | null) => stored !== null && isStale(stored);
  let access, refresh, idToken;
  try {
    access = readSecret(row.access_token, "access_token");
    if (access?.stale || stale(row.refresh_token) || stale(row.id_token)) {
      refresh = readSecret(row.refresh_token, "refresh_token");
      idToken = readSecret(row.id_token, "id_token");
    }
  } catch {
    await markUndecryptable(row, { id: row.provider });
    throw new ReconnectRequiredError(providerName);
  }
  if (!access) throw new ReconnectRequiredError(providerName);
  if (access.stale || refresh || idToken) {
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
