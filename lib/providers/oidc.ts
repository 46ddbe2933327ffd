import type { OIDCConfig } from "next-auth/providers";
import { ProviderApiError, readJson } from "./api-response";
import { discover } from "./discovery";
import type { ProviderDefinition } from "./types";

interface OidcOptions {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  extraScopes?: string[];
}

/** Any OpenID Connect issuer: Logto, the generic `oidc` provider and the local development providers. */
export function oidcProvider(options: OidcOptions): ProviderDefinition {
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
    profile: (profile) => ({
      id: String(profile.sub),
      name: (profile.name ?? profile.preferred_username ?? profile.username ?? null) as string | null,
      email: (profile.email ?? null) as string | null,
      image: (profile.picture ?? null) as string | null,
    }),
  };
  return {
    id: options.id,
    name: options.name,
    // An OpenID Connect provider's API (userinfo and friends) lives on the issuer's origin.
    apiBase: new URL(options.issuer).origin,
    authjs,
    scope,
    extraScopes: options.extraScopes ?? [],
    issuer: options.issuer,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    emailIsVerified: (profile) => profile.email_verified === true,
    async callApi(fetchApi) {
      const { userinfo_endpoint } = await discover(options.issuer);
      if (!userinfo_endpoint) throw new ProviderApiError(`${options.name} has no userinfo endpoint`);
      const info = await readJson<{ sub: string; email?: string; preferred_username?: string }>(
        await fetchApi(userinfo_endpoint),
        "The userinfo endpoint",
      );
      return `userinfo for ${info.preferred_username ?? info.email ?? info.sub}`;
    },
  };
}
