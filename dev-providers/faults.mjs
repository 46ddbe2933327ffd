// Fault injection in front of the token endpoint, for tests that break refresh on purpose:
//   PUT /__dev/faults {"mode":"500"|"garbage"|"reset"|"hang"|"invalid_grant","count":1}   DELETE /__dev/faults
//   PUT /__dev/faults {"mode":"delay","ms":9000,"count":1}   (a failing mode with "ms" fails after that long)
// While a fault is armed, POST /token answers with it instead of reaching oidc-provider (count times, or
// until cleared), so the provider's real tokens stay untouched and usable afterwards. "delay" is the
// exception: it holds the request for `ms`, then lets oidc-provider answer it for real (a slow provider).

const MODES = new Set(["500", "garbage", "reset", "hang", "invalid_grant", "delay"]);

export function createFaults() {
  /** @type {{ mode: string, remaining: number, ms: number } | null} */
  let armed = null;
  let injected = 0;
  /** @type {Set<import("node:http").ServerResponse>} */
  const hanging = new Set();

  /**
   * Answers a token request with the armed fault. @returns {boolean} true when it did (or will).
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
   * @param {() => void} pass hands the request to oidc-provider ("delay")
   */
  function intercept(req, res, pass) {
    if (!armed || req.method !== "POST" || new URL(req.url ?? "/", "http://x").pathname !== "/token") return false;
    const { mode, ms } = armed;
    armed.remaining -= 1;
    if (armed.remaining <= 0) armed = null;
    injected += 1;
    if (mode === "delay") {
      const timer = setTimeout(pass, ms);
      res.on("close", () => clearTimeout(timer));
      return true;
    }
    req.resume(); // drain the form body
    const answer = () => {
      if (mode === "500") json(res, 500, { error: "server_error" });
      else if (mode === "garbage") res.writeHead(200, { "content-type": "application/json" }).end("<html>not json");
      else if (mode === "invalid_grant") json(res, 400, { error: "invalid_grant", error_description: "injected fault" });
      else if (mode === "reset") req.socket.destroy();
      else hanging.add(res); // "hang": never answer; the client's timeout must fire
    };
    // `ms` on a failing mode: a provider that is slow to fail, as real ones under trouble are.
    if (ms > 0) {
      const timer = setTimeout(answer, ms);
      res.on("close", () => clearTimeout(timer));
    } else answer();
    return true;
  }

  /** @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res */
  async function handle(req, res) {
    if (req.method === "DELETE") {
      armed = null;
      return json(res, 200, { armed, injected });
    }
    if (req.method === "GET") return json(res, 200, { armed, injected });
    if (req.method !== "PUT") return json(res, 405, { error: "method_not_allowed" });
    let body = "";
    for await (const chunk of req) body += chunk;
    let request;
    try {
      request = JSON.parse(body);
    } catch {
      return json(res, 400, { error: "body must be JSON" });
    }
    if (!MODES.has(request?.mode)) return json(res, 400, { error: `mode must be one of ${[...MODES].join(", ")}` });
    const count = request.count === undefined ? Infinity : Number(request.count);
    if (!(count > 0)) return json(res, 400, { error: "count must be a positive number" });
    const ms = request.ms === undefined ? 0 : Number(request.ms);
    if (request.mode === "delay" && !(ms > 0)) return json(res, 400, { error: "ms must be between 1 and 60000" });
    if (!(ms >= 0 && ms <= 60_000)) return json(res, 400, { error: "ms must be between 1 and 60000" });
    armed = { mode: request.mode, remaining: count, ms };
    json(res, 200, { armed: { mode: armed.mode, remaining: Number.isFinite(count) ? count : null }, injected });
  }

  return { intercept, handle, close: () => hanging.forEach((res) => res.destroy()) };
}

/** @param {import("node:http").ServerResponse} res @param {number} status @param {unknown} body */
function json(res, status, body) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
