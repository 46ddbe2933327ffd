import type { OIDCConfig } from "next-auth/providers";
import * as oauth from "oauth4webapi";
import { ProviderApiError, readJson } from "./api-response";
import { authorizationServer, oauthClient } from "./oauth";
import { hintParam, type ProviderConfig } from "./types";
import { completeFromUserinfo } from "./userinfo";

interface OidcOptions {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  extraScopes?: string[];
  /** What login_hint names: an email (most issuers) or the username (the local providers' login form). */
  loginHintClaim?: "email" | "username";
}

/** Any OpenID Connect issuer: what the Logto, generic `oidc` and local providers' declarations build on. */
export function oidcProvider(options: OidcOptions): ProviderConfig {
  const scope = options.scope ?? "openid profile email offline_access";
  const authjs: OIDCConfig<Record<string, unknown>> = {
    id: options.id,
    name: options.name,
    type: "oidc",
    issuer: options.issuer,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope } },
    profile: async (profile, tokens) => {
      await completeFromUserinfo(options, profile, tokens.access_token);
      return {
        id: String(profile.sub),
        name: firstString(profile.name, profile.preferred_username, profile.username),
        email: firstString(profile.email),
        image: firstString(profile.picture),
      };
    },
  };
  const hintClaim = options.loginHintClaim ?? "email";
  return {
    id: options.id,
    name: options.name,
    // An OpenID Connect provider's API (userinfo and friends) lives on the issuer's origin.
    apiBase: new URL(options.issuer).origin,
    authjs,
    scope,
    authorizationParams: {
      // OIDC Core: prompt=login makes the issuer authenticate again instead of reusing its session.
      selectAccount: () => ({ prompt: "login" }),
      loginHint: (identity) => {
        const hint = hintClaim === "email" ? (identity.email ?? identity.username) : identity.username;
        return hintParam("login_hint", hint);
      },
    },
    extraScopes: options.extraScopes ?? [],
    issuer: options.issuer,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    emailIsVerified: (profile) => profile.email_verified === true,
    async callApi(fetchApi) {
      const server = await authorizationServer(options);
      if (!server.userinfo_endpoint) throw new ProviderApiError({ key: "noUserinfo", values: { provider: options.name } });
      const response = await fetchApi(server.userinfo_endpoint);
      if (!response.ok) await readJson(response, "userinfo"); // throws the person-facing message
      // oauth4webapi checks the shape (JSON or signed JWT, a `sub`); the token came from this issuer.
      const info = await oauth
        .processUserInfoResponse(server, oauthClient(options), oauth.skipSubjectCheck, response)
        .catch(() => Promise.reject(new ProviderApiError({ key: "malformedUserinfo" })));
      const name = [info.preferred_username, info.email, info.sub].find((value) => typeof value === "string");
      return { key: "userinfo", values: { name: String(name) } };
    },
  };
}

/** Claims are untyped JSON: the first of these that is a string, else null (never a number or object as a name). */
function firstString(...values: unknown[]): string | null {
  return values.find((value): value is string => typeof value === "string") ?? null;
}
