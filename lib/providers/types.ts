import type { Provider } from "next-auth/providers";

/** Everything the app knows about one provider: its Auth.js config and how to talk to its API. */
export interface ProviderDefinition {
  id: string;
  name: string;
  /** Auth.js provider config (PKCE + state everywhere, nonce for OpenID Connect). */
  authjs: Provider;
  /** The scopes every sign-in and connect asks for: only what the base features need. */
  scope: string;
  /** Scopes a "Grant more access" click adds on top of the base ones. */
  extraScopes: string[];
  /** OpenID Connect issuer: discovery gives the revocation and end-session endpoints. */
  issuer?: string;
  /** RFC 7009 endpoint for providers without discovery. */
  revocationEndpoint?: string;
  /** A provider-specific revocation API (GitHub deletes the whole grant). */
  revoke?: (tokens: { accessToken: string | null; refreshToken: string | null }) => Promise<void>;
  clientId: string;
  clientSecret: string;
  /** Only a provider-verified email may ever be used to suggest linking to an existing user. */
  emailIsVerified(profile: Record<string, unknown>): boolean;
}
