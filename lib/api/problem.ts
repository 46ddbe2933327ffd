// RFC 9457 problem documents: the one error shape of /api/v1. `code` repeats the last part of `type`
// so clients can switch on a short string.
export const problemCatalog = {
  invalid_request: { status: 400, title: "The request is not valid" },
  unauthorized: { status: 401, title: "A valid service key is required" },
  insufficient_scope: { status: 403, title: "The key does not have the scope this needs" },
  path_not_allowed: { status: 400, title: "The path must stay on the provider's API host" },
  consent_required: { status: 403, title: "The person has not allowed services to use this connection" },
  not_found: { status: 404, title: "Not found" },
  reconnect_required: { status: 409, title: "The person must reconnect this account" },
  payload_too_large: { status: 413, title: "The request body is too large" },
  rate_limited: { status: 429, title: "Too many requests for this key" },
  upstream_error: { status: 502, title: "The provider could not be reached" },
  upstream_too_large: { status: 502, title: "The provider's answer is too large to pass on" },
  temporarily_unavailable: { status: 503, title: "Access could not be refreshed right now" },
} as const;

export type ProblemCode = keyof typeof problemCatalog;

export const PROBLEM_TYPE_PREFIX = "urn:connected-accounts:problem:";

export function problem(code: ProblemCode, detail: string, headers: Record<string, string> = {}): Response {
  const { status, title } = problemCatalog[code];
  return new Response(JSON.stringify({ type: `${PROBLEM_TYPE_PREFIX}${code}`, code, title, status, detail }), {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}

/** A JSON success answer; nothing from /api/v1 may be cached by a shared cache (tokens, personal data). */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "no-store" } });
}
