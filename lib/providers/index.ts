// The providers enabled by the environment, in the order the sign-in page shows them.
import "server-only";
import { env } from "../env";
import { githubProvider } from "./github";
import { googleProvider } from "./google";
import { huggingfaceProvider } from "./huggingface";
import { oidcProvider } from "./oidc";
import { twitterProvider } from "./twitter";
import { DEV_CLIENT } from "./dev-client";
import type { ProviderConfig, ProviderDefinition } from "./types";

function enabledProviders(): ProviderDefinition[] {
  const list: ProviderDefinition[] = [];
  const add = (config: ProviderConfig, connectOnly: "0" | "1" | undefined) => list.push({ ...config, connectOnly: connectOnly === "1" });
  if (env.devProviders) {
    // Acme ID puts its claims in the ID token; Globex ID is standards-conformant (claims only from userinfo),
    // so both profile shapes are exercised. Their login page takes a username, so that is the login hint.
    const dev = { ...DEV_CLIENT, extraScopes: ["api:read"], loginHintClaim: "username" as const };
    add(oidcProvider({ id: "acme", name: "Acme ID", issuer: env.DEV_ACME_ISSUER, ...dev }), env.DEV_ACME_CONNECT_ONLY);
    add(oidcProvider({ id: "globex", name: "Globex ID", issuer: env.DEV_GLOBEX_ISSUER, ...dev }), env.DEV_GLOBEX_CONNECT_ONLY);
  }
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    add(githubProvider(env.AUTH_GITHUB_ID, env.AUTH_GITHUB_SECRET), env.AUTH_GITHUB_CONNECT_ONLY);
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    add(googleProvider(env.AUTH_GOOGLE_ID, env.AUTH_GOOGLE_SECRET), env.AUTH_GOOGLE_CONNECT_ONLY);
  }
  if (env.AUTH_HUGGINGFACE_ID && env.AUTH_HUGGINGFACE_SECRET) {
    add(huggingfaceProvider(env.AUTH_HUGGINGFACE_ID, env.AUTH_HUGGINGFACE_SECRET), env.AUTH_HUGGINGFACE_CONNECT_ONLY);
  }
  if (env.AUTH_TWITTER_ID && env.AUTH_TWITTER_SECRET) {
    add(twitterProvider(env.AUTH_TWITTER_ID, env.AUTH_TWITTER_SECRET), env.AUTH_TWITTER_CONNECT_ONLY);
  }
  if (env.AUTH_LOGTO_ISSUER && env.AUTH_LOGTO_ID && env.AUTH_LOGTO_SECRET) {
    add(
      oidcProvider({
        id: "logto",
        name: "Logto",
        issuer: env.AUTH_LOGTO_ISSUER,
        clientId: env.AUTH_LOGTO_ID,
        clientSecret: env.AUTH_LOGTO_SECRET,
        scope: "openid offline_access profile email",
      }),
      env.AUTH_LOGTO_CONNECT_ONLY,
    );
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    add(
      oidcProvider({
        id: "oidc",
        name: env.AUTH_OIDC_NAME ?? "OpenID Connect",
        issuer: env.AUTH_OIDC_ISSUER,
        clientId: env.AUTH_OIDC_ID,
        clientSecret: env.AUTH_OIDC_SECRET,
      }),
      env.AUTH_OIDC_CONNECT_ONLY,
    );
  }
  return list;
}

export const providers: readonly ProviderDefinition[] = enabledProviders();

export function findProvider(id: string): ProviderDefinition | undefined {
  return providers.find((provider) => provider.id === id);
}

/** Providers a person may sign in with: configured and not connect-only. */
export function signInProviders(): readonly ProviderDefinition[] {
  return providers.filter((provider) => !provider.connectOnly);
}
