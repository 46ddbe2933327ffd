import GitHub from "next-auth/providers/github";
import type { ProviderDefinition } from "./types";

export function githubProvider(clientId: string, clientSecret: string): ProviderDefinition {
  return {
    id: "github",
    name: "GitHub",
    authjs: GitHub({ clientId, clientSecret, checks: ["pkce", "state"] }),
    extraScopes: ["repo"],
    clientId,
    clientSecret,
    // GitHub's profile email carries no verification flag, so it never drives account linking.
    emailIsVerified: () => false,
  };
}
