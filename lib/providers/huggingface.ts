import HuggingFace from "next-auth/providers/huggingface";
import type { ProviderDefinition } from "./types";

const scope = "openid profile email";

export function huggingfaceProvider(clientId: string, clientSecret: string): ProviderDefinition {
  return {
    scope,
    id: "huggingface",
    name: "Hugging Face",
    authjs: HuggingFace({
      clientId,
      clientSecret,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope } },
    }),
    extraScopes: ["read-repos"],
    issuer: "https://huggingface.co",
    clientId,
    clientSecret,
    emailIsVerified: (profile) => profile.email_verified === true,
  };
}
