// Revokes a connection's tokens at the provider before we forget them (RFC 7009, or the provider's own API).
import { clientAuthHeader } from "./client-auth";
import { discover } from "./discovery";
import type { ProviderDefinition } from "./types";

export type RevocationResult = { status: "revoked" } | { status: "unsupported" } | { status: "failed"; error: string };

export async function revokeTokens(
  provider: ProviderDefinition,
  tokens: { accessToken: string | null; refreshToken: string | null },
): Promise<RevocationResult> {
  try {
    if (provider.revoke) {
      await provider.revoke(tokens);
      return { status: "revoked" };
    }
    const endpoint = provider.revocationEndpoint ?? (provider.issuer ? (await discover(provider.issuer)).revocation_endpoint : undefined);
    if (!endpoint) return { status: "unsupported" };
    // Revoking the refresh token ends the whole grant, access tokens included (RFC 7009 section 2.1).
    const [token, hint] = tokens.refreshToken ? [tokens.refreshToken, "refresh_token"] : [tokens.accessToken, "access_token"];
    if (token) {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: clientAuthHeader(provider),
        },
        body: new URLSearchParams({ token, token_type_hint: hint }),
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) throw new Error(`the revocation endpoint answered HTTP ${response.status}`);
    }
    return { status: "revoked" };
  } catch (error) {
    return { status: "failed", error: error instanceof Error ? error.message : "unknown error" };
  }
}
