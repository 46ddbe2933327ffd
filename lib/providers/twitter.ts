import Twitter from "next-auth/providers/twitter";
import { readJson } from "./api-response";
import type { ProviderDefinition } from "./types";

const scope = "users.read tweet.read offline.access";

export function twitterProvider(clientId: string, clientSecret: string): ProviderDefinition {
  return {
    scope,
    id: "twitter",
    name: "X",
    apiBase: "https://api.twitter.com",
    authjs: Twitter({ clientId, clientSecret, name: "X", checks: ["pkce", "state"], authorization: { url: "https://x.com/i/oauth2/authorize", params: { scope } } }),
    extraScopes: [],
    revocationEndpoint: "https://api.x.com/2/oauth2/revoke",
    tokenEndpoint: "https://api.x.com/2/oauth2/token",
    async callApi(fetchApi) {
      const me = await readJson<{ data: { username: string; name: string } }>(await fetchApi("https://api.x.com/2/users/me"), "X");
      return `@${me.data.username} (${me.data.name})`;
    },
    clientId,
    clientSecret,
    // X does not return a verified email through this API.
    emailIsVerified: () => false,
  };
}
