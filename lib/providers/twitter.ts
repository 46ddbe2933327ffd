import Twitter from "next-auth/providers/twitter";
import type { ProviderDefinition } from "./types";

export function twitterProvider(clientId: string, clientSecret: string): ProviderDefinition {
  return {
    id: "twitter",
    name: "X",
    authjs: Twitter({ clientId, clientSecret, name: "X", checks: ["pkce", "state"] }),
    extraScopes: [],
    clientId,
    clientSecret,
    // X does not return a verified email through this API.
    emailIsVerified: () => false,
  };
}
