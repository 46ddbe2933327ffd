// The guard in front of Auth.js's route (lib/auth/route-guard.ts): per-IP limits on sign-in and callbacks
// answer 429 with Retry-After and never reach Auth.js; passkey registration needs a signed-in person.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { guardAuthRoute } from "@/lib/auth/route-guard";
import { rateLimitKey, rateLimits } from "@/lib/rate-limit";

beforeAll(() => db.$queryRaw`SELECT 1`);

function guarded() {
  const calls: string[] = [];
  const handler = guardAuthRoute(async (request) => {
    calls.push(new URL(request.url).pathname);
    return new Response("auth.js answered");
  });
  return { handler, calls };
}

const request = (path: string, ip: string, init: RequestInit = {}) =>
  new Request(`http://localhost:3000/api/auth${path}`, { ...init, headers: { "x-forwarded-for": `${ip}, 10.0.0.1`, ...init.headers } });

describe("auth route guard", () => {
  it("refuses callbacks from an IP over its limit with 429 and Retry-After; other IPs pass", async () => {
    await db.rateLimit.create({
      data: { key: rateLimitKey("callback", "203.0.113.9"), count: rateLimits.callback.limit, resetAt: new Date(Date.now() + 120_000) },
    });
    const { handler, calls } = guarded();
    const refused = await handler(request("/callback/acme?code=x&state=y", "203.0.113.9"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(100);
    expect(await refused.text()).toMatch(/^Too many attempts\. Nothing was changed\. Please try again in \d+ (seconds|minutes)\.$/);
    expect(calls).toEqual([]);

    const allowed = await handler(request("/callback/acme?code=x&state=y", "198.51.100.7"));
    expect(allowed.status).toBe(200);
    expect(calls).toEqual(["/api/auth/callback/acme"]);
  });

  it("counts sign-in starts per IP, and leaves other routes alone", async () => {
    const { handler } = guarded();
    for (let i = 0; i < rateLimits["sign-in"].limit; i++) {
      expect((await handler(request("/signin/acme", "192.0.2.44", { method: "POST" }))).status).toBe(200);
    }
    expect((await handler(request("/signin/acme", "192.0.2.44", { method: "POST" }))).status).toBe(429);
    expect((await handler(request("/session", "192.0.2.44"))).status).toBe(200);
  });

  it("refuses passkey registration without a session, before Auth.js runs", async () => {
    const { handler, calls } = guarded();
    const options = await handler(request("/webauthn-options/passkey?action=register", "192.0.2.50"));
    expect(options.status).toBe(401);
    const body = new URLSearchParams({ action: "register", data: "{}" });
    const callback = await handler(request("/callback/passkey", "192.0.2.50", { method: "POST", body }));
    expect(callback.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it("refuses passkey registration on a stale session, allows it on a recent one", async () => {
    const user = await db.user.create({ data: { email: "guard@example.test" } });
    const expires = new Date(Date.now() + 60_000);
    await db.session.create({ data: { sessionToken: "stale-token", userId: user.id, expires, authenticatedAt: new Date(Date.now() - 3_600_000) } });
    await db.session.create({ data: { sessionToken: "fresh-token", userId: user.id, expires } });
    const { handler, calls } = guarded();
    const withCookie = (token: string) => ({ headers: { cookie: `other=1; authjs.session-token=${token}` } });
    expect((await handler(request("/webauthn-options/passkey", "192.0.2.51", withCookie("stale-token")))).status).toBe(403);
    expect(calls).toEqual([]);
    expect((await handler(request("/webauthn-options/passkey?action=register", "192.0.2.51", withCookie("fresh-token")))).status).toBe(200);
    // Signing in with a passkey is not a registration.
    expect((await handler(request("/webauthn-options/passkey?action=authenticate", "192.0.2.51", withCookie("stale-token")))).status).toBe(200);
  });
});
