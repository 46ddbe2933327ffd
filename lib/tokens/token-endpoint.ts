// One refresh_token grant request (RFC 6749 section 6), classified so callers know what to do.
import { z } from "zod";
import { clientAuthHeader } from "@/lib/providers/client-auth";
import { discover } from "@/lib/providers/discovery";
import type { ProviderDefinition } from "@/lib/providers/types";
import type { TokenSet } from "./columns";

export const TOKEN_REQUEST_TIMEOUT_MS = 5_000;

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
  id_token: z.string().optional(),
});

export type RefreshOutcome =
  | { kind: "ok"; tokens: TokenSet }
  | { kind: "invalid_grant"; detail: string }
  | { kind: "transient"; detail: string };

/** Only the provider's own token endpoint: a refresh token never goes anywhere else. */
async function tokenEndpointOf(provider: ProviderDefinition): Promise<string> {
  if (provider.tokenEndpoint) return provider.tokenEndpoint;
  if (!provider.issuer) throw new Error(`${provider.name} has no token endpoint`);
  return (await discover(provider.issuer)).token_endpoint;
}

export async function requestRefresh(provider: ProviderDefinition, refreshToken: string): Promise<RefreshOutcome> {
  const body = new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken });
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
  if (provider.tokenEndpointAuth === "client_secret_post") {
    body.set("client_id", provider.clientId);
    body.set("client_secret", provider.clientSecret);
  } else {
    headers.authorization = clientAuthHeader(provider);
  }
  let response: Response;
  try {
    response = await fetch(await tokenEndpointOf(provider), {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(TOKEN_REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { kind: "transient", detail: timedOut ? "the provider did not answer in time" : "the provider could not be reached" };
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const code = z.object({ error: z.string() }).safeParse(json);
    // GitHub answers 200 with an error body, others 400; both carry `error`.
    if (code.success && code.data.error === "invalid_grant") return { kind: "invalid_grant", detail: "the provider refused the refresh token" };
    return { kind: "transient", detail: `the provider answered HTTP ${response.status}` };
  }
  const errorBody = z.object({ error: z.string() }).safeParse(json);
  if (errorBody.success) {
    return errorBody.data.error === "bad_refresh_token" || errorBody.data.error === "invalid_grant"
      ? { kind: "invalid_grant", detail: "the provider refused the refresh token" }
      : { kind: "transient", detail: `the provider answered ${errorBody.data.error}` };
  }
  const parsed = tokenResponse.safeParse(json);
  if (!parsed.success) return { kind: "transient", detail: "the provider sent a malformed response" };
  const { expires_in, ...tokens } = parsed.data;
  return {
    kind: "ok",
    tokens: { ...tokens, expires_at: expires_in ? Math.floor(Date.now() / 1000 + expires_in) : null },
  };
}
