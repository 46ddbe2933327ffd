// The providers enabled by the environment, in the order the sign-in page shows them.
import "server-only";
import { env } from "../env";
import { githubProvider } from "./github";
import { googleProvider } from "./google";
import { huggingfaceProvider } from "./huggingface";
import { oidcProvider } from "./oidc";
import { twitterProvider } from "./twitter";
import { DEV_CLIENT } from "./dev-client";
import type { ProviderDefinition } from "./types";

function enabledProviders(): ProviderDefinition[] {
  const list: ProviderDefinition[] = [];
  if (env.devProviders) {
    list.push(
      oidcProvider({ id: "acme", name: "Acme ID", issuer: env.DEV_ACME_ISSUER, ...DEV_CLIENT, extraScopes: ["api:read"] }),
      oidcProvider({ id: "globex", name: "Globex ID", issuer: env.DEV_GLOBEX_ISSUER, ...DEV_CLIENT, extraScopes: ["api:read"] }),
    );
  }
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) list.push(githubProvider(env.AUTH_GITHUB_ID, env.AUTH_GITHUB_SECRET));
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) list.push(googleProvider(env.AUTH_GOOGLE_ID, env.AUTH_GOOGLE_SECRET));
  if (env.AUTH_HUGGINGFACE_ID && env.AUTH_HUGGINGFACE_SECRET) {
    list.push(huggingfaceProvider(env.AUTH_HUGGINGFACE_ID, env.AUTH_HUGGINGFACE_SECRET));
  }
  if (env.AUTH_TWITTER_ID && env.AUTH_TWITTER_SECRET) list.push(twitterProvider(env.AUTH_TWITTER_ID, env.AUTH_TWITTER_SECRET));
  if (env.AUTH_LOGTO_ISSUER && env.AUTH_LOGTO_ID && env.AUTH_LOGTO_SECRET) {
    list.push(
      oidcProvider({
        id: "logto",
        name: "Logto",
        issuer: env.AUTH_LOGTO_ISSUER,
        clientId: env.AUTH_LOGTO_ID,
        clientSecret: env.AUTH_LOGTO_SECRET,
        scope: "openid offline_access profile email",
      }),
    );
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    list.push(
      oidcProvider({
        id: "oidc",
        name: env.AUTH_OIDC_NAME ?? "OpenID Connect",
        issuer: env.AUTH_OIDC_ISSUER,
        clientId: env.AUTH_OIDC_ID,
        clientSecret: env.AUTH_OIDC_SECRET,
      }),
    );
  }
  return list;
}

export const providers: readonly ProviderDefinition[] = enabledProviders();

export function findProvider(id: string): ProviderDefinition | undefined {
  return providers.find((provider) => provider.id === id);
}
