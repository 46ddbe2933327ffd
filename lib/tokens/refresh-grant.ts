// One refresh_token grant through oauth4webapi, classified so callers know what to do: only
// invalid_grant ends a connection; everything else (timeout, 5xx, garbage) leaves stored tokens alone.
import "server-only";
import * as oauth from "oauth4webapi";
import { clientAuth, failureDetail, oauthClient, requestOptions } from "@/lib/providers/oauth";
import type { ProviderDefinition } from "@/lib/providers/types";
import type { TokenSet } from "./columns";

/** Generous: a slow provider that still answers must not be abandoned mid-rotation (see LEASE_MS). */
export const TOKEN_REQUEST_TIMEOUT_MS = 12_000;

export type RefreshOutcome =
  | { kind: "ok"; tokens: TokenSet }
  | { kind: "invalid_grant"; detail: string }
  | { kind: "transient"; detail: string };

const refused = { kind: "invalid_grant", detail: "the provider refused the refresh token" } as const;

/** `server` is the provider's own (lib/providers/oauth.ts): a refresh token never goes anywhere else. */
export async function requestRefresh(
  provider: ProviderDefinition,
  server: oauth.AuthorizationServer,
  refreshToken: string,
): Promise<RefreshOutcome> {
  const client = oauthClient(provider);
  try {
    const response = await oauth.refreshTokenGrantRequest(server, client, clientAuth(provider), refreshToken, {
      ...requestOptions(server, TOKEN_REQUEST_TIMEOUT_MS),
      headers: { accept: "application/json" },
    });
    const result = await oauth.processRefreshTokenResponse(server, client, await conformErrorBody(response));
    const { expires_in, ...tokens } = result; // tokenColumns keeps only the token fields
    return { kind: "ok", tokens: { ...tokens, expires_at: typeof expires_in === "number" ? Math.floor(Date.now() / 1000 + expires_in) : null } };
  } catch (error) {
    return classify(error);
  }
}

/** GitHub answers 200 with an `error` body; oauth4webapi expects an error status, as RFC 6749 says. */
async function conformErrorBody(response: Response): Promise<Response> {
  if (response.status !== 200) return response;
  const body: unknown = await response.clone().json().catch(() => null);
  if (body && typeof body === "object" && "error" in body && typeof body.error === "string") {
    const error = body.error === "bad_refresh_token" ? "invalid_grant" : body.error;
    return new Response(JSON.stringify({ error }), { status: 400, headers: { "content-type": "application/json" } });
  }
  return response;
}

function classify(error: unknown): RefreshOutcome {
  if (error instanceof oauth.ResponseBodyError && error.error === "invalid_grant") return refused;
  return { kind: "transient", detail: failureDetail(error) };
}
