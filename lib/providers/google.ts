import Google from "next-auth/providers/google";
import { listSummary, readJson } from "./api-response";
import type { ProviderConfig } from "./types";

const scope = "openid email profile";

export function googleProvider(clientId: string, clientSecret: string): ProviderConfig {
  return {
    scope,
    id: "google",
    apiBase: "https://www.googleapis.com",
    name: "Google",
    authjs: Google({
      clientId,
      clientSecret,
      checks: ["pkce", "state", "nonce"],
      // offline + consent: Google only returns a refresh token on a consented offline request.
      authorization: {
        params: { scope, access_type: "offline", prompt: "consent", include_granted_scopes: "true" },
      },
    }),
    authorizationParams: {
      selectAccount: () => ({ prompt: "select_account consent" }),
      loginHint: (identity) => (identity.email ? { login_hint: identity.email } : ({} as Record<string, string>)),
    },
    extraScopes: ["https://www.googleapis.com/auth/tasks.readonly"],
    issuer: "https://accounts.google.com",
    async callApi(fetchApi) {
      const lists = await readJson<{ items?: { title: string }[] }>(
        await fetchApi("https://tasks.googleapis.com/tasks/v1/users/@me/lists?maxResults=100"),
        "Google Tasks",
      );
      return listSummary((lists.items ?? []).map((list) => list.title), "task list", "task lists");
    },
    clientId,
    clientSecret,
    emailIsVerified: (profile) => profile.email_verified === true,
  };
}
