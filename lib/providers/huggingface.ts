import HuggingFace from "next-auth/providers/huggingface";
import type { ProviderDefinition } from "./types";

export function huggingfaceProvider(clientId: string, clientSecret: string): ProviderDefinition {
  return {
    id: "huggingface",
    name: "Hugging Face",
    authjs: HuggingFace({
      clientId,
      clientSecret,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid profile email" } },
    }),
    extraScopes: ["read-repos"],
    issuer: "https://huggingface.co",
    clientId,
    clientSecret,
    emailIsVerified: (profile) => profile.email_verified === true,
  };
}
