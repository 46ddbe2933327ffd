// The service API's rules, driven through its route handlers in-process against the real local provider:
// keys and scopes, consent, not_found, reconnect_required, the single flight, the proxy's host rule and
// 401 retry, size limits, per-key rate limits, and the audit. (e2e/service-api.test.ts drives the same API
// over HTTP against two `next start` processes.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devStats, obtainTokens } from "./support/oidc-client";
import { startProvidersForTests } from "./support/dev-provider-env";

type Providers = Awaited<ReturnType<typeof startProvidersForTests>>;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let providers: Providers;
let db: typeof import("@/lib/db").db;
let keys: typeof import("@/lib/api/service-keys");
let tokenColumns: typeof import("@/lib/tokens/columns").tokenColumns;
let routes: { token: Handler; proxy: Handler; connections: Handler };

beforeAll(async () => {
  providers = await startProvidersForTests(300);
  ({ db } = await import("@/lib/db"));
  await db.$queryRaw`SELECT 1`; // open and migrate the database here, not inside the first test's time
  keys = await import("@/lib/api/service-keys");
  ({ tokenColumns } = await import("@/lib/tokens/columns"));
  routes = {
    token: (await import("@/app/api/v1/connections/[id]/token/route")).POST as Handler,
    proxy: (await import("@/app/api/v1/connections/[id]/proxy/route")).POST as Handler,
    connections: (await import("@/app/api/v1/users/[userId]/connections/route")).GET as Handler,
  };
});
afterAll(async () => {
  await providers?.dev.close();
});

const stats = () => devStats(providers.acme.issuer);

async function newKey(scopes = ["tokens:read", "proxy", "connections:read"], extra: { providers?: string[]; rateLimitPerMinute?: number } = {}) {
  return (await keys.createServiceKey({ name: "Nightly sync", scopes, ...extra })).key;
}

async function connected(username: string, { allow = true, expiresIn = 300 } = {}) {
  const tokens = await obtainTokens(providers.acme, { username });
  const user = await db.user.create({ data: { email: `${username}@example.test` } });
  const account = await db.account.create({
    data: {
      userId: user.id, type: "oidc", provider: "acme", providerAccountId: username, username, allowServices: allow,
      ...tokenColumns({ ...tokens, expires_at: Math.floor(Date.now() / 1000) + expiresIn }),
      accessTokenIssuedAt: new Date(Date.now() - 3_600_000),
    },
  });
  return { user, account, tokens };
}

function request(key: string | null, body?: unknown, init: RequestInit = {}) {
  return new Request("http://app.test/api/v1/x", {
    method: "POST",
    ...init,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), "content-type": "application/json", ...(init.headers as Record<string, string>) },
    body: body === undefined ? init.body : JSON.stringify(body),
  });
}
const token = (key: string | null, id: string) => routes.token(request(key), { params: Promise.resolve({ id }) });
const proxy = (key: string, id: string, body: unknown, init: RequestInit = {}) => routes.proxy(request(key, body, init), { params: Promise.resolve({ id }) });
const list = (key: string, userId: string) => routes.connections(request(key, undefined, { method: "GET" }), { params: Promise.resolve({ userId }) });

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = await response.json();
  expect({ status: response.status, code: body.code, type: body.type }).toEqual({ status, code, type: `urn:connected-accounts:problem:${code}` });
  return body;
}

describe("service keys", () => {
  it("stores only a hash; a wrong, malformed, missing or revoked key is refused", async () => {
    const key = await newKey();
    const { account } = await connected("keys");
    // cak_<prefix>_<secret>: the secret is base64url and may itself contain "_".
    const prefix = key.split("_")[1];
    const secret = key.slice(`cak_${prefix}_`.length);
    const row = await db.serviceKey.findFirstOrThrow({ where: { prefix } });
    expect(secret.length).toBeGreaterThan(30);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect((await token(key, account.id)).status).toBe(200);
    const wrong = `${key.slice(0, -4)}AAAA`;
    for (const presented of [wrong, "nonsense", null]) {
      const response = await token(presented, account.id);
      await expectProblem(response, 401, "unauthorized");
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    }
    await keys.revokeServiceKey(row.prefix);
    await expectProblem(await token(key, account.id), 401, "unauthorized");
  });

  it("a key without the scope a route needs gets insufficient_scope", async () => {
    const key = await newKey(["connections:read"]);
    const { account } = await connected("scopeless");
    await expectProblem(await token(key, account.id), 403, "insufficient_scope");
    await expectProblem(await proxy(key, account.id, { method: "GET", path: "/me" }), 403, "insufficient_scope");
  });

  it("rejects bad CLI input with one clear message", () => {
    expect(keys.validateKeyInput({ name: "", scopes: ["proxy"] })).toBe("--name must be 1 to 100 characters");
    expect(keys.validateKeyInput({ name: "x", scopes: ["admin"] })).toMatch(/^unknown scope "admin"/);
    expect(keys.validateKeyInput({ name: "x", scopes: ["proxy"], providers: ["../x"] })).toBe('"../x" is not a provider id');
    expect(keys.validateKeyInput({ name: "x", scopes: ["proxy"], rateLimitPerMinute: 0 })).toMatch(/^--rate-limit/);
  });
});

describe("POST /connections/{id}/token", () => {
  it("returns a working token, and records the use in the person's activity and the 'used by' summary", async () => {
    const key = await newKey();
    const { user, account, tokens } = await connected("ada");
    const response = await token(key, account.id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ access_token: tokens.access_token, token_type: "Bearer", expires_at: expect.any(Number), scopes: tokens.scope.split(" ") });
    const userinfo = await fetch(`${providers.acme.issuer}/me`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(userinfo.status).toBe(200);
    const activity = await db.activityEvent.findMany({ where: { userId: user.id, type: "service_used" } });
    expect(activity.map((event) => event.detail)).toEqual([
      'msg:{"key":"serviceToken","values":{"service":"Nightly sync","provider":"Acme ID"}}',
    ]);
    expect(await db.serviceUsage.findMany({ where: { accountId: account.id }, select: { count: true } })).toEqual([{ count: 1 }]);
  });

  it("consent off → consent_required and no provider call; on again → works on the next request", async () => {
    const key = await newKey();
    const { account } = await connected("no-consent", { allow: false, expiresIn: -10 });
    const before = await stats();
    const refused = await expectProblem(await token(key, account.id), 403, "consent_required");
    expect(refused.detail).toBe("The person has not allowed services to use this Acme ID connection.");
    expect(await stats()).toEqual(before);
    await db.account.update({ where: { id: account.id }, data: { allowServices: true } });
    expect((await token(key, account.id)).status).toBe(200);
  });

  it("not_found for an unknown id and for a provider outside the key's allow-list", async () => {
    const { account } = await connected("allow-list");
    await expectProblem(await token(await newKey(), "no-such-connection"), 404, "not_found");
    await expectProblem(await token(await newKey(["tokens:read"], { providers: ["github"] }), account.id), 404, "not_found");
    expect((await token(await newKey(["tokens:read"], { providers: ["acme"] }), account.id)).status).toBe(200);
  });

  it("reconnect_required for a connection that needs reconnecting", async () => {
    const { account } = await connected("stale");
    await db.account.update({ where: { id: account.id }, data: { status: "needs_reconnect" } });
    await expectProblem(await token(await newKey(), account.id), 409, "reconnect_required");
  });

  it("20 concurrent requests for an expired token: one refresh, one token for all", async () => {
    const key = await newKey();
    const { account } = await connected("flight", { expiresIn: -10 });
    const before = (await stats()).token.refresh_token;
    const responses = await Promise.all(Array.from({ length: 20 }, () => token(key, account.id)));
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(new Set(bodies.map((body) => body.access_token)).size).toBe(1);
    expect((await stats()).token.refresh_token).toBe(before + 1);
    expect(bodies[0].expires_at).toBeGreaterThan(Date.now() / 1000);
  });
});

describe("POST /connections/{id}/proxy", () => {
  it("calls the provider's API with the person's token and passes the answer on, without the token", async () => {
    const key = await newKey();
    const { user, account, tokens } = await connected("proxied");
    const response = await proxy(key, account.id, { method: "GET", path: "/me" });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text).sub).toBe("proxied");
    expect(text).not.toContain(tokens.access_token);
    expect([...response.headers.keys()].sort()).toEqual(["cache-control", "content-type"]);
    const activity = await db.activityEvent.findFirstOrThrow({ where: { userId: user.id, type: "service_used" } });
    expect(activity.detail).toBe('msg:{"key":"serviceCall","values":{"service":"Nightly sync","provider":"Acme ID","request":"GET /me"}}');
  });

  it("a token the provider no longer accepts: one refresh, one retry", async () => {
    const key = await newKey();
    const { account } = await connected("revoked-access");
    // A token we believe valid (not expiring) that the provider refuses: as if revoked early.
    await db.account.update({ where: { id: account.id }, data: { access_token: tokenColumns({ access_token: "no-longer-valid", token_type: "Bearer" }).access_token } });
    const before = await stats();
    const response = await proxy(key, account.id, { method: "GET", path: "/me" });
    expect(response.status).toBe(200);
    const after = await stats();
    // The refused call and the retry: two userinfo requests around one refresh.
    expect([after.token.refresh_token - before.token.refresh_token, after.userinfo - before.userinfo]).toEqual([1, 2]);
  });

  it.each([
    "https://evil.example/me", "//evil.example/me", "/../me", "/a/../../me", "/%2e%2e/me", "/%2E%2e%2fme", "/a%2fb",
    "/\\evil.example", "me", "/me?x=1", "/me#x", "/ evil", "/.%2e/me",
  ])("refuses the path %j before any request leaves the server", async (path) => {
    const key = await newKey();
    const { account } = await connected(`escape-${Math.random().toString(36).slice(2, 8)}`);
    const before = await stats();
    await expectProblem(await proxy(key, account.id, { method: "GET", path }), 400, "path_not_allowed");
    expect(await stats()).toEqual(before);
  });

  it("bad input: invalid JSON, unknown fields, a body on GET; consent off → consent_required", async () => {
    const key = await newKey();
    const { account } = await connected("proxy-input");
    await expectProblem(await proxy(key, account.id, undefined, { body: "{" }), 400, "invalid_request");
    await expectProblem(await proxy(key, account.id, { method: "GET", path: "/me", url: "https://evil.example" }), 400, "invalid_request");
    await expectProblem(await proxy(key, account.id, { method: "TRACE", path: "/me" }), 400, "invalid_request");
    await expectProblem(await proxy(key, account.id, { method: "GET", path: "/me", body: {} }), 400, "invalid_request");
    await db.account.update({ where: { id: account.id }, data: { allowServices: false } });
    await expectProblem(await proxy(key, account.id, { method: "GET", path: "/me" }), 403, "consent_required");
  });

  it("a request body over 64 KiB gets 413", async () => {
    const key = await newKey();
    const { account } = await connected("big-body");
    const huge = { method: "POST", path: "/me", body: "x".repeat(70 * 1024) };
    await expectProblem(await proxy(key, account.id, huge), 413, "payload_too_large");
  });
});

describe("GET /users/{userId}/connections", () => {
  it("lists connections without tokens; unknown user → not_found", async () => {
    const key = await newKey(["connections:read"]);
    const { user, account, tokens } = await connected("lister", { allow: false });
    await db.account.update({ where: { id: account.id }, data: { label: "Work" } });
    const response = await list(key, user.id);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      connections: [{ id: account.id, provider: "acme", identity: "lister", label: "Work", scopes: tokens.scope.split(" "), status: "active", services_allowed: false }],
    });
    for (const secret of [tokens.access_token, tokens.refresh_token]) expect(text).not.toContain(secret);
    await expectProblem(await list(key, "nobody"), 404, "not_found");
    const githubOnly = await keys.createServiceKey({ name: "GitHub only", scopes: ["connections:read"], providers: ["github"] });
    expect(await (await list(githubOnly.key, user.id)).json()).toEqual({ connections: [] });
  });
});

describe("per-key rate limit", () => {
  it("answers 429 with Retry-After past the key's limit, counted in the database", async () => {
    const key = await newKey(["connections:read"], { rateLimitPerMinute: 2 });
    const { user } = await connected("limited");
    expect((await list(key, user.id)).status).toBe(200);
    expect((await list(key, user.id)).status).toBe(200);
    const limited = await list(key, user.id);
    await expectProblem(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // Another key is not affected.
    expect((await list(await newKey(["connections:read"]), user.id)).status).toBe(200);
  });
});

describe("the consent switch (lib/accounts/service-access.ts)", () => {
  it("only the owner can change it, the next request sees it, and the settings page's accounts read names the service that used it", async () => {
    const access = await import("@/lib/accounts/service-access");
    const { listConnections } = await import("@/lib/accounts/connections");
    const servicesOf = async (userId: string) => (await listConnections(userId)).find((c) => c.id === account.id)?.services;
    const key = await newKey();
    const { user, account } = await connected("switch-owner", { allow: false });
    const { user: other } = await connected("switch-other");
    expect(await access.setServiceAccess(other.id, account.id, true)).toBe(false);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).allowServices).toBe(false);
    expect(await access.setServiceAccess(user.id, account.id, true)).toBe(true);
    expect((await token(key, account.id)).status).toBe(200);
    expect(await servicesOf(user.id)).toEqual({
      allowed: true,
      uses: [{ serviceName: "Nightly sync", lastUsedAt: expect.any(Date), revoked: false }],
    });
    expect(await servicesOf(other.id)).toBeUndefined();
    expect(await access.setServiceAccess(user.id, account.id, false)).toBe(true);
    await expectProblem(await token(key, account.id), 403, "consent_required");
    const types = (await db.activityEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } })).map((event) => event.type);
    expect(types).toEqual(["services_allowed", "service_used", "services_disallowed"]);
  });
});
