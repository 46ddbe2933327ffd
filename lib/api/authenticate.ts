// The gate in front of every /api/v1 route except the OpenAPI document: a bearer service key with the
// scope the route needs, within its rate limit. The key is never logged or echoed.
import "server-only";
import { db } from "@/lib/db";
import { consumeKeyRequest } from "./key-rate-limit";
import { problem } from "./problem";
import { verifyServiceKey, type KeyScope, type ServiceIdentity } from "./service-keys";

export type Authenticated = { ok: true; service: ServiceIdentity } | { ok: false; response: Response };

const challenge = { "www-authenticate": 'Bearer realm="api/v1"' };

export async function authenticateService(request: Request, scope: KeyScope): Promise<Authenticated> {
  const header = request.headers.get("authorization") ?? "";
  const presented = /^Bearer ([^\s]+)$/i.exec(header.trim())?.[1];
  if (!presented) return { ok: false, response: problem("unauthorized", "Send the service key as `Authorization: Bearer <key>`.", challenge) };
  const service = await verifyServiceKey(presented);
  if (!service) {
    return { ok: false, response: problem("unauthorized", "The key is unknown or has been revoked.", { "www-authenticate": 'Bearer realm="api/v1", error="invalid_token"' }) };
  }
  const [decision] = await Promise.all([
    consumeKeyRequest(service.id, service.rateLimitPerMinute),
    // At most one write a minute per key for "last used", not one per request.
    db.serviceKey.updateMany({
      where: { id: service.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(Date.now() - 60_000) } }] },
      data: { lastUsedAt: new Date() },
    }),
  ]);
  if (!decision.ok) {
    return {
      ok: false,
      response: problem("rate_limited", `This key may make ${service.rateLimitPerMinute} requests a minute.`, { "retry-after": String(decision.retryAfterSeconds) }),
    };
  }
  if (!service.scopes.includes(scope)) {
    return { ok: false, response: problem("insufficient_scope", `This needs a key with the ${scope} scope.`) };
  }
  return { ok: true, service };
}
