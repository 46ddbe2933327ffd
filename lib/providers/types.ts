import type { Provider } from "next-auth/providers";
import type { ApiResultMessage } from "./api-response";
import type { ProviderLogoMark } from "./logo";

/** fetch with the person's access token attached (and refreshed when needed). */
export type FetchApi = (url: string) => Promise<Response>;

/** Who a connection is at its provider: what a login hint can name. */
export interface ConnectionIdentity {
  providerAccountId: string;
  username: string | null;
  email: string | null;
}

/**
 * Extra authorization-request parameters for the two ways a connect flow can be aimed:
 * "Connect another" must make the provider ask who signs in (never reuse its session silently);
 * "Grant more access" and "Reconnect" name the one identity they act on, where the provider supports it.
 */
export interface AuthorizationParamHooks {
  selectAccount(): Record<string, string>;
  loginHint(identity: ConnectionIdentity): Record<string, string>;
}

/** `{ [name]: value }`, or no parameter at all when there is nothing to hint. */
export function hintParam(name: string, value: string | null): Record<string, string> {
  return value ? { [name]: value } : {};
}

/** Everything the app knows about one provider: its Auth.js config and how to talk to its API. */
export interface ProviderDefinition {
  id: string;
  name: string;
  /** Drawn next to its name on /sign-in and Settings (data only, safe to pass to client components). */
  logo: ProviderLogoMark;
  /** Only for calling APIs: absent from /sign-in, and a sign-in through it is refused (AUTH_<ID>_CONNECT_ONLY=1). */
  connectOnly: boolean;
  authorizationParams: AuthorizationParamHooks;
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
  /** Token endpoint for providers without discovery; refresh tokens are only ever sent here or to the issuer's. */
  tokenEndpoint?: string;
  /** How the client authenticates at the token endpoint (default HTTP Basic). */
  tokenEndpointAuth?: "client_secret_basic" | "client_secret_post";
  /** Origin (and base path) of the provider's API: the only host /api/v1/connections/{id}/proxy ever calls. */
  apiBase: string;
  /** Calls the provider's API for the person; the summary is translated for the reader (messages: apiResult). */
  callApi(fetchApi: FetchApi): Promise<ApiResultMessage>;
  clientId: string;
  clientSecret: string;
  /** Only a provider-verified email may ever be used to suggest linking to an existing user. */
  emailIsVerified(profile: Record<string, unknown>): boolean;
}

/** What a declaration's create() builds; its logo and whether it is connect-only come from the declaration. */
export type ProviderConfig = Omit<ProviderDefinition, "connectOnly" | "logo">;
