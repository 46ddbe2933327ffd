// The provider's authorization server as oauth4webapi sees it: discovered (OpenID Connect) or declared
// (GitHub, X), plus our client and how it authenticates. Every token, revocation and userinfo request
// goes through oauth4webapi with these.
import * as oauth from "oauth4webapi";
import { FAILURES, httpFailure } from "./failure";
import type { ProviderDefinition } from "./types";

/** Discovery runs before a refresh takes its lease, so its timeout is not part of the lease's budget. */
export const DISCOVERY_TIMEOUT_MS = 5_000;
const TEN_MINUTES = 10 * 60 * 1000;
const cache = new Map<string, { server: Promise<oauth.AuthorizationServer>; until: number }>();

type OAuthProvider = Pick<ProviderDefinition, "id" | "issuer" | "tokenEndpoint" | "revocationEndpoint">;

/**
 * Plain http is allowed only for a loopback issuer (the local development providers); everywhere else
 * oauth4webapi's https-only rule stands.
 */
export function isLoopbackHttp(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "http:" && (hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]");
}

/** Options for every oauth4webapi request to this server: a timeout, and http only for loopback. */
export function requestOptions(server: oauth.AuthorizationServer, timeoutMs: number) {
  return {
    signal: AbortSignal.timeout(timeoutMs),
    ...(isLoopbackHttp(server.issuer) ? { [oauth.allowInsecureRequests]: true } : {}),
  };
}

/** Exact issuer match (mix-up defence) is oauth4webapi's processDiscoveryResponse; cached per process. */
export function authorizationServer(provider: OAuthProvider): Promise<oauth.AuthorizationServer> {
  if (!provider.issuer) {
    // No discovery (GitHub, X): the endpoints the provider's own docs give.
    if (!provider.tokenEndpoint) throw new Error(`${provider.id} has no token endpoint`);
    return Promise.resolve({
      issuer: new URL(provider.tokenEndpoint).origin,
      token_endpoint: provider.tokenEndpoint,
      revocation_endpoint: provider.revocationEndpoint,
    });
  }
  const issuer = provider.issuer;
  const hit = cache.get(issuer);
  if (hit && hit.until > Date.now()) return hit.server;
  const url = new URL(issuer);
  const server = oauth
    .discoveryRequest(url, {
      algorithm: "oidc",
      signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
      ...(isLoopbackHttp(issuer) ? { [oauth.allowInsecureRequests]: true } : {}),
    })
    .then((response) => oauth.processDiscoveryResponse(url, response));
  cache.set(issuer, { server, until: Date.now() + TEN_MINUTES });
  server.catch(() => cache.delete(issuer));
  return server;
}

export function oauthClient(provider: Pick<ProviderDefinition, "clientId">): oauth.Client {
  return { client_id: provider.clientId };
}

export function clientAuth(provider: Pick<ProviderDefinition, "clientSecret" | "tokenEndpointAuth">): oauth.ClientAuth {
  return provider.tokenEndpointAuth === "client_secret_post"
    ? oauth.ClientSecretPost(provider.clientSecret)
    : oauth.ClientSecretBasic(provider.clientSecret);
}

/** What went wrong in an oauth4webapi request, in words fit for a person (no hosts, no tokens). */
export function failureDetail(error: unknown): string {
  if (error instanceof oauth.ResponseBodyError || error instanceof oauth.WWWAuthenticateChallengeError) return httpFailure(error.status);
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return FAILURES.timeout;
  if (error instanceof oauth.OperationProcessingError && error.cause instanceof Response && !error.cause.ok) {
    return httpFailure(error.cause.status);
  }
  if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) return FAILURES.malformed;
  return FAILURES.unreachable;
}
