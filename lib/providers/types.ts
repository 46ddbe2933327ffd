import type { Provider } from "next-auth/providers";

/** Everything the app knows about one provider: its Auth.js config and how to talk to its API. */
export interface ProviderDefinition {
  id: string;
  name: string;
  /** Auth.js provider config (PKCE + state everywhere, nonce for OpenID Connect). */
  authjs: Provider;
  /** Scopes a "Grant more access" click adds on top of the base ones. */
  extraScopes: string[];
  /** OpenID Connect issuer: discovery gives the revocation and end-session endpoints. */
  issuer?: string;
  clientId: string;
  clientSecret: string;
  /** Only a provider-verified email may ever be used to suggest linking to an existing user. */
  emailIsVerified(profile: Record<string, unknown>): boolean;
}
