// Standards-conformant OpenID providers (Okta, oidc-provider's defaults) put only `sub` in a code flow's ID
// token and serve email, email_verified and name from userinfo. Auth.js builds the profile from the ID token
// alone, so without this a sign-in would see no email and skip every email-based linking rule.
import * as oauth from "oauth4webapi";
import { authorizationServer, oauthClient, requestOptions } from "./oauth";
import type { ProviderDefinition } from "./types";

type Claims = Record<string, unknown>;
const USERINFO_TIMEOUT_MS = 10_000;

/** True when the ID token is missing something the linking rules or the profile need. */
export function lacksProfileClaims(claims: Claims): boolean {
  return claims.email === undefined || claims.email_verified === undefined || (claims.name === undefined && claims.preferred_username === undefined);
}

/**
 * Adds userinfo's claims to `claims` in place, when the ID token lacks them. The ID token's own claims win
 * (they are signed); userinfo must name the same subject (oauth4webapi checks it) or the sign-in fails. In place,
 * because Auth.js hands this same object to the signIn callback and events as `profile`: the linking decision
 * sees the full claims.
 */
export async function completeFromUserinfo(
  provider: Pick<ProviderDefinition, "id" | "issuer" | "clientId">,
  claims: Claims,
  accessToken: string | undefined,
): Promise<void> {
  if (!lacksProfileClaims(claims) || !accessToken) return;
  const server = await authorizationServer(provider);
  if (!server.userinfo_endpoint) return;
  const client = oauthClient(provider);
  const response = await oauth.userInfoRequest(server, client, accessToken, requestOptions(server, USERINFO_TIMEOUT_MS));
  const info = await oauth.processUserInfoResponse(server, client, String(claims.sub), response);
  for (const [name, value] of Object.entries(info)) {
    if (claims[name] === undefined) claims[name] = value;
  }
}
