import Twitter from "next-auth/providers/twitter";
import { siX } from "simple-icons";
import { readJson } from "./api-response";
import { defineProvider } from "./define";
import { brandLogo } from "./logo";

const scope = "users.read tweet.read offline.access";

export default defineProvider({
  order: 6,
  env: { prefix: "AUTH_TWITTER", required: ["ID", "SECRET"] },
  logo: brandLogo(siX, { monochrome: true }),
  create: ({ ID: clientId, SECRET: clientSecret }) => ({
    scope,
    id: "twitter",
    name: "X",
    // No documented prompt or login_hint parameter: the provider decides whether to ask who signs in.
    authorizationParams: { selectAccount: () => ({}), loginHint: () => ({}) },
    apiBase: "https://api.twitter.com",
    authjs: Twitter({ clientId, clientSecret, name: "X", checks: ["pkce", "state"], authorization: { url: "https://x.com/i/oauth2/authorize", params: { scope } } }),
    extraScopes: [],
    revocationEndpoint: "https://api.x.com/2/oauth2/revoke",
    tokenEndpoint: "https://api.x.com/2/oauth2/token",
    async callApi(fetchApi) {
      const me = await readJson<{ data: { username: string; name: string } }>(await fetchApi("https://api.x.com/2/users/me"), "X");
      return { key: "xUser", values: { username: me.data.username, name: me.data.name } };
    },
    clientId,
    clientSecret,
    // X does not return a verified email through this API.
    emailIsVerified: () => false,
  }),
});
