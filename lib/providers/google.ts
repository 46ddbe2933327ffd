import Google from "next-auth/providers/google";
import { siGoogle } from "simple-icons";
import { listValues, readJson } from "./api-response";
import { defineProvider } from "./define";
import { brandLogo } from "./logo";
import { hintParam } from "./types";

const scope = "openid email profile";

export default defineProvider({
  order: 4,
  env: { prefix: "AUTH_GOOGLE", required: ["ID", "SECRET"] },
  logo: brandLogo(siGoogle),
  create: ({ ID: clientId, SECRET: clientSecret }) => ({
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
      loginHint: (identity) => hintParam("login_hint", identity.email),
    },
    extraScopes: ["https://www.googleapis.com/auth/tasks.readonly"],
    issuer: "https://accounts.google.com",
    async callApi(fetchApi) {
      const lists = await readJson<{ items?: { title: string }[] }>(
        await fetchApi("https://tasks.googleapis.com/tasks/v1/users/@me/lists?maxResults=100"),
        "Google Tasks",
      );
      return { key: "googleTaskLists", values: listValues((lists.items ?? []).map((list) => list.title)) };
    },
    clientId,
    clientSecret,
    emailIsVerified: (profile) => profile.email_verified === true,
  }),
});
