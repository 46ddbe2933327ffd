// Revokes a connection's tokens at the provider before we forget them (RFC 7009 through oauth4webapi,
// or the provider's own API).
import * as oauth from "oauth4webapi";
import { authorizationServer, clientAuth, failureDetail, oauthClient, requestOptions } from "./oauth";
import type { ProviderDefinition } from "./types";

/** "impossible": the stored tokens could not be decrypted, so there was nothing to send. */
export type RevocationResult =
  | { status: "revoked" }
  | { status: "unsupported" }
  | { status: "failed"; error: string }
  | { status: "impossible"; error: string };

export async function revokeTokens(
  provider: ProviderDefinition,
  tokens: { accessToken: string | null; refreshToken: string | null },
): Promise<RevocationResult> {
  try {
    if (provider.revoke) {
      await provider.revoke(tokens);
      return { status: "revoked" };
    }
    if (!provider.issuer && !provider.revocationEndpoint) return { status: "unsupported" };
    const server = await authorizationServer(provider);
    if (!server.revocation_endpoint) return { status: "unsupported" };
    // Revoking the refresh token ends the whole grant, access tokens included (RFC 7009 section 2.1).
    const [token, hint] = tokens.refreshToken ? [tokens.refreshToken, "refresh_token"] : [tokens.accessToken, "access_token"];
    if (token) {
      const response = await oauth.revocationRequest(server, oauthClient(provider), clientAuth(provider), token, {
        ...requestOptions(server, 5_000),
        additionalParameters: { token_type_hint: hint },
      });
      await oauth.processRevocationResponse(response);
    }
    return { status: "revoked" };
  } catch (error) {
    return { status: "failed", error: failureDetail(error) };
  }
}
