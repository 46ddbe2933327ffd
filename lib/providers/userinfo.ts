// Standards-conformant OpenID providers (Okta, oidc-provider's defaults) put only `sub` in a code flow's ID
// token and serve email, email_verified and name from userinfo. Auth.js builds the profile from the ID token
// alone, so without this a sign-in would see no email and skip every email-based linking rule.
import { discover } from "./discovery";

type Claims = Record<string, unknown>;

/** True when the ID token is missing something the linking rules or the profile need. */
export function lacksProfileClaims(claims: Claims): boolean {
  return claims.email === undefined || claims.email_verified === undefined || (claims.name === undefined && claims.preferred_username === undefined);
}

/**
 * Adds userinfo's claims to `claims` in place, when the ID token lacks them. The ID token's own claims win
 * (they are signed); userinfo must name the same subject or the sign-in fails. In place, because Auth.js hands
 * this same object to the signIn callback and events as `profile`: the linking decision sees the full claims.
 */
export async function completeFromUserinfo(issuer: string, claims: Claims, accessToken: string | undefined): Promise<void> {
  if (!lacksProfileClaims(claims) || !accessToken) return;
  const { userinfo_endpoint } = await discover(issuer);
  if (!userinfo_endpoint) return;
  const response = await fetch(userinfo_endpoint, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`The userinfo endpoint answered HTTP ${response.status}`);
  const info = (await response.json()) as Claims;
  if (typeof info !== "object" || info === null || info.sub !== claims.sub) {
    throw new Error("The userinfo endpoint named a different subject than the ID token");
  }
  for (const [name, value] of Object.entries(info)) {
    if (claims[name] === undefined) claims[name] = value;
  }
}
