// POST /api/v1/connections/{id}/proxy: one call to the provider's API for the person, with the person's
// token attached on the server. The token is refreshed first when needed and once more on a 401
// (withProviderToken's rule); it never appears in what the caller gets back.
import "server-only";
import { z } from "zod";
import { checkConnectionAccess, refusalOf } from "@/lib/tokens/get-connection-token";
import { withProviderToken } from "@/lib/tokens/with-provider-token";
import { BodyTooLargeError, readLimited } from "./limited-body";
import { problem } from "./problem";
import { resolveProxyUrl } from "./proxy-url";
import type { ServiceIdentity } from "./service-keys";
import { recordServiceUse } from "./service-usage";

export const MAX_PROXY_REQUEST_BYTES = 64 * 1024;
export const MAX_PROXY_RESPONSE_BYTES = 1024 * 1024;
const PROVIDER_TIMEOUT_MS = 15_000;

export const proxyRequestSchema = z
  .object({
    method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
    path: z.string(),
    query: z.record(z.string(), z.union([z.string().max(2048), z.array(z.string().max(2048)).max(50)])).optional(),
    body: z.unknown().optional(),
  })
  .strict();

/** Provider headers worth passing on; everything else (cookies, hop-by-hop, server internals) stays here. */
const PASSED_HEADERS = ["content-type", "etag", "last-modified", "link", "retry-after", "location"];

export async function proxyCall(request: Request, service: ServiceIdentity, userId: string, connectionId: string): Promise<Response> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = await readLimited(request.body, MAX_PROXY_REQUEST_BYTES, request.headers.get("content-length"));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return problem("payload_too_large", `The request body must be at most ${MAX_PROXY_REQUEST_BYTES} bytes.`);
    throw error;
  }
  let parsed: z.infer<typeof proxyRequestSchema>;
  try {
    const result = proxyRequestSchema.safeParse(JSON.parse(new TextDecoder().decode(raw)));
    if (!result.success) {
      const issue = result.error.issues[0];
      return problem("invalid_request", `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
    }
    parsed = result.data;
  } catch {
    return problem("invalid_request", "The body must be JSON: { method, path, query?, body? }.");
  }

  const access = await checkConnectionAccess(userId, connectionId, { providers: service.providers });
  if (!access.ok) return problem(access.reason, access.message);
  const target = resolveProxyUrl(access.provider.apiBase, parsed.path, parsed.query);
  if (!target.ok) return problem("path_not_allowed", target.reason);
  if (parsed.body !== undefined && (parsed.method === "GET" || parsed.method === "DELETE")) {
    return problem("invalid_request", `${parsed.method} requests carry no body.`);
  }
  const body = parsed.body === undefined ? undefined : JSON.stringify(parsed.body);

  let upstream: Response;
  try {
    upstream = await withProviderToken(userId, connectionId, (token) =>
      fetch(target.url, {
        method: parsed.method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json",
          "user-agent": "connected-accounts",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body,
        // A redirect could lead the token elsewhere: the caller gets the 3xx, the token stays here.
        redirect: "manual",
        signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      }),
    );
  } catch (error) {
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "TypeError")) {
      return problem("upstream_error", `${access.provider.name} did not answer.`);
    }
    const refusal = refusalOf(error);
    return problem(refusal.reason, refusal.message);
  }

  await recordServiceUse(service, {
    userId, connectionId, providerId: access.provider.id, providerName: access.provider.name,
    call: `${parsed.method} ${target.url.pathname}`,
  });
  let answer: Uint8Array<ArrayBuffer>;
  try {
    answer = await readLimited(upstream.body, MAX_PROXY_RESPONSE_BYTES, upstream.headers.get("content-length"));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return problem("upstream_too_large", `The answer is larger than ${MAX_PROXY_RESPONSE_BYTES} bytes.`);
    return problem("upstream_error", `${access.provider.name}'s answer was cut off.`);
  }
  const headers = new Headers({ "cache-control": "no-store" });
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(answer.byteLength > 0 ? answer : null, { status: upstream.status, headers });
}
