// Request counters behind GET /__dev/stats, so tests can prove how often the app really refreshed,
// revoked or called userinfo (e.g. "two concurrent requests caused exactly one refresh").

/**
 * @typedef {{
 *   token: { authorization_code: number, refresh_token: number, [grantType: string]: number },
 *   token_errors: Record<string, number>,
 *   revocations: number,
 *   userinfo: number,
 * }} Stats
 */

/** @returns {Stats} */
function emptyStats() {
  return { token: { authorization_code: 0, refresh_token: 0 }, token_errors: {}, revocations: 0, userinfo: 0 };
}

export function createStats() {
  let stats = emptyStats();

  /**
   * Koa middleware for provider.use(): runs around oidc-provider's own routing, so after next()
   * ctx.oidc.route names the endpoint and errors have already become a 4xx/5xx status.
   * @param {any} ctx @param {() => Promise<void>} next
   */
  async function middleware(ctx, next) {
    await next();
    const route = ctx.oidc?.route; // undefined for requests no oidc-provider route matched
    if (route === "token") {
      // ctx.oidc.body is the parsed form; keep keys short since grant_type is client input.
      const grantType = String(ctx.oidc.body?.grant_type ?? "(none)").slice(0, 64);
      const bucket = ctx.status < 400 ? stats.token : stats.token_errors;
      bucket[grantType] = (bucket[grantType] ?? 0) + 1;
    } else if (route === "revocation") {
      stats.revocations += 1;
    } else if (route === "userinfo") {
      stats.userinfo += 1;
    }
  }

  /**
   * GET /__dev/stats returns the counters; DELETE /__dev/stats resets them.
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
   */
  function handle(req, res) {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (pathname !== "/__dev/stats") return send(res, 404, { error: "not_found" });
    if (req.method === "DELETE") stats = emptyStats();
    else if (req.method !== "GET") return send(res, 405, { error: "method_not_allowed" });
    send(res, 200, stats);
  }

  return { middleware, handle, snapshot: () => structuredClone(stats) };
}

/** @param {import("node:http").ServerResponse} res @param {number} status @param {unknown} body */
function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
