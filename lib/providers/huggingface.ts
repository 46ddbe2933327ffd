import HuggingFace from "next-auth/providers/huggingface";
import { siHuggingface } from "simple-icons";
import { readJson } from "./api-response";
import { defineProvider } from "./define";
import { brandLogo } from "./logo";

const scope = "openid profile email";

export default defineProvider({
  order: 5,
  env: { prefix: "AUTH_HUGGINGFACE", required: ["ID", "SECRET"] },
  logo: brandLogo(siHuggingface),
  create: ({ ID: clientId, SECRET: clientSecret }) => ({
    scope,
    id: "huggingface",
    name: "Hugging Face",
    // No documented prompt or login_hint parameter: the provider decides whether to ask who signs in.
    authorizationParams: { selectAccount: () => ({}), loginHint: () => ({}) },
    apiBase: "https://huggingface.co",
    authjs: HuggingFace({
      clientId,
      clientSecret,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope } },
    }),
    extraScopes: ["read-repos"],
    issuer: "https://huggingface.co",
    async callApi(fetchApi) {
      const me = await readJson<{ name: string; type?: string }>(await fetchApi("https://huggingface.co/api/whoami-v2"), "Hugging Face");
      return { key: "huggingfaceWhoami", values: { name: me.name } };
    },
    clientId,
    clientSecret,
    emailIsVerified: (profile) => profile.email_verified === true,
  }),
});
