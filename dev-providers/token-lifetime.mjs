// The access token lifetime, changeable while the provider runs:
//   PUT /__dev/access-token-ttl {"seconds":3}   GET /__dev/access-token-ttl
// so a test can give one connection a token that expires in seconds (to watch it expire and refresh) while
// every other token lives long enough that no burst of calls on a busy machine sees it refreshed twice.
// Tokens already issued keep the lifetime they were issued with.

const MAX_SECONDS = 24 * 60 * 60;

/** @param {number} initialSeconds */
export function createTokenLifetime(initialSeconds) {
  let seconds = initialSeconds;

  /** @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res */
  async function handle(req, res) {
    if (req.method === "GET") return json(res, 200, { seconds });
    if (req.method !== "PUT") return json(res, 405, { error: "method_not_allowed" });
    let body = "";
    for await (const chunk of req) body += chunk;
    let requested;
    try {
      requested = JSON.parse(body)?.seconds;
    } catch {
      return json(res, 400, { error: "body must be JSON" });
    }
    if (!Number.isSafeInteger(requested) || requested <= 0 || requested > MAX_SECONDS) {
      return json(res, 400, { error: `seconds must be a whole number from 1 to ${MAX_SECONDS}` });
    }
    seconds = requested;
    json(res, 200, { seconds });
  }

  return { seconds: () => seconds, handle };
}

/** @param {import("node:http").ServerResponse} res @param {number} status @param {unknown} body */
function json(res, status, body) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
