import HuggingFace from "next-auth/providers/huggingface";
import { readJson } from "./api-response";
import type { ProviderConfig } from "./types";

const scope = "openid profile email";

export function huggingfaceProvider(clientId: string, clientSecret: string): ProviderConfig {
  return {
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
      return `signed in as ${me.name}`;
    },
    clientId,
    clientSecret,
    emailIsVerified: (profile) => profile.email_verified === true,
  };
}
