// One refresh_token grant through oauth4webapi, classified so callers know what to do: only
// invalid_grant ends a connection; everything else (timeout, 5xx, garbage) leaves stored tokens alone.
import "server-only";
import * as oauth from "oauth4webapi";
import { clientAuth, failureDetail, oauthClient, requestOptions } from "@/lib/providers/oauth";
import { FAILURES } from "@/lib/providers/failure";
import type { ProviderDefinition } from "@/lib/providers/types";
import type { TokenSet } from "./columns";

/** Generous: a slow provider that still answers must not be abandoned mid-rotation (see LEASE_MS). */
export const TOKEN_REQUEST_TIMEOUT_MS = 12_000;

export type RefreshOutcome =
  | { kind: "ok"; tokens: TokenSet }
  | { kind: "invalid_grant"; detail: string }
  | { kind: "transient"; detail: string };

/** `server` is the provider's own (lib/providers/oauth.ts): a refresh token never goes anywhere else. */
export async function requestRefresh(
  provider: Pick<ProviderDefinition, "clientId" | "clientSecret" | "tokenEndpointAuth">,
  server: oauth.AuthorizationServer,
  refreshToken: string,
): Promise<RefreshOutcome> {
  const client = oauthClient(provider);
  try {
    const options = requestOptions(server, TOKEN_REQUEST_TIMEOUT_MS); // oauth4webapi asks for JSON, as GitHub needs
    const response = await oauth.refreshTokenGrantRequest(server, client, clientAuth(provider), refreshToken, options);
    const { expires_in, ...tokens } = await oauth.processRefreshTokenResponse(server, client, await conformErrorBody(response));
    return { kind: "ok", tokens: { ...tokens, expires_at: expires_in === undefined ? null : Math.floor(Date.now() / 1000 + expires_in) } };
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError && error.error === "invalid_grant") {
      return { kind: "invalid_grant", detail: FAILURES.refused };
    }
    return { kind: "transient", detail: failureDetail(error) };
  }
}

/** GitHub answers 200 with an `error` body (bad_refresh_token: its invalid_grant); oauth4webapi expects RFC 6749's 400. */
async function conformErrorBody(response: Response): Promise<Response> {
  const body: unknown = response.status === 200 ? await response.clone().json().catch(() => null) : null;
  if (!body || typeof body !== "object" || !("error" in body) || typeof body.error !== "string") return response;
  return Response.json({ error: body.error === "bad_refresh_token" ? "invalid_grant" : body.error }, { status: 400 });
}
