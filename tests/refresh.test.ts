// Refresh against the real local provider: expiry margin, one retry on 401, single flight across
// instances and processes, invalid_grant, transient failures, encryption at rest.
import { spawn } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { devStats, obtainTokens } from "./support/oidc-client";
import { startProvidersForTests } from "./support/dev-provider-env";

type Providers = Awaited<ReturnType<typeof startProvidersForTests>>;
let providers: Providers;
let app: {
  db: typeof import("@/lib/db").db;
  withProviderToken: typeof import("@/lib/tokens/with-provider-token").withProviderToken;
  refreshAccount: typeof import("@/lib/tokens/refresh").refreshAccount;
  tokenColumns: typeof import("@/lib/tokens/columns").tokenColumns;
  readSecret: typeof import("@/lib/tokens/columns").readSecret;
  findProvider: typeof import("@/lib/providers").findProvider;
};

beforeAll(async () => {
  // Five-minute tokens: "exactly one refresh" must not depend on how fast a busy machine serves the callers
  // (a refreshed 2-second token can legitimately expire again before a late caller reads it).
  providers = await startProvidersForTests(300);
  const [{ db }, { withProviderToken }, { refreshAccount }, columns, { findProvider }] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/tokens/with-provider-token"),
    import("@/lib/tokens/refresh"),
    import("@/lib/tokens/columns"),
    import("@/lib/providers"),
  ]);
  app = { db, withProviderToken, refreshAccount, tokenColumns: columns.tokenColumns, readSecret: columns.readSecret, findProvider };
  await db.account.count(); // opens and migrates the database here, not inside the first test's time limit
});
afterAll(async () => {
  await providers?.dev.close();
});

const refreshCalls = async () => (await devStats(providers.acme.issuer)).token.refresh_token ?? 0;
const userinfo = (token: string) => fetch(`${providers.acme.issuer}/me`, { headers: { authorization: `Bearer ${token}` } });

async function connectedUser(username: string, expiresInSeconds = -10) {
  const tokens = await obtainTokens(providers.acme, { username });
  const user = await app.db.user.create({ data: { email: `${username}@example.test` } });
  const account = await app.db.account.create({
    data: {
      userId: user.id, type: "oidc", provider: "acme", providerAccountId: username,
      ...app.tokenColumns({ ...tokens, expires_at: Math.floor(Date.now() / 1000) + expiresInSeconds }),
      // As if issued an hour ago: a long-lived token, so the one-minute margin applies.
      accessTokenIssuedAt: new Date(Date.now() - 3_600_000),
    },
  });
  return { user, account, tokens };
}

const storedAccount = (id: string) => app.db.account.findUniqueOrThrow({ where: { id } });

/** `count` concurrent Call-API-style calls in a separate server process (tests/support/refresh-worker.ts). */
function inWorkerProcess(userId: string, connectionId: string, count: number) {
  return new Promise<unknown[]>((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/refresh-worker.ts", userId, connectionId, String(count), `${providers.acme.issuer}/me`], {
      env: process.env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!).statuses) : reject(new Error(`worker exited ${code}`))));
  });
}

/** Two app instances: server processes on PostgreSQL; on PGlite (one process only) two copies of the modules. */
async function twoInstances(userId: string, connectionId: string, perInstance: number): Promise<unknown[]> {
  if (process.env.TEST_DATABASE_URL) return (await Promise.all([inWorkerProcess(userId, connectionId, perInstance), inWorkerProcess(userId, connectionId, perInstance)])).flat();
  vi.resetModules();
  const second = await import("@/lib/tokens/with-provider-token");
  return Promise.all(
    [app.withProviderToken, second.withProviderToken].flatMap((instance) =>
      Array.from({ length: perInstance }, () => instance(userId, connectionId, userinfo).then((r) => r.status, (e: Error) => e.message)),
    ),
  );
}

describe("withProviderToken", () => {
  it("refreshes first when the token expires within the margin, and stores the rotated tokens encrypted", async () => {
    const { user, account, tokens } = await connectedUser("rita", 30);
    const before = await refreshCalls();
    const response = await app.withProviderToken(user.id, account.id, userinfo);
    expect(response.status).toBe(200);
    expect(await refreshCalls()).toBe(before + 1);
    const row = await storedAccount(account.id);
    expect(row.version).toBe(1);
    expect(row.lastRefreshedAt).not.toBeNull();
    expect(row.leaseOwner).toBeNull();
    const refreshToken = app.readSecret(row.refresh_token, "refresh_token")!.value;
    expect(refreshToken).not.toBe(tokens.refresh_token);
    const raw = JSON.stringify(await app.db.$queryRawUnsafe(`SELECT * FROM "Account"`));
    for (const secret of [tokens.access_token, tokens.refresh_token, tokens.id_token, refreshToken]) expect(raw).not.toContain(secret);
  });

  it("refreshes a short-lived token in the last quarter of its lifetime", async () => {
    // Only the positive case here: "no refresh yet" on a lifetime of seconds would race the clock
    // (tests/expiry.test.ts checks the margin itself with an explicit time).
    const { user, account } = await connectedUser("short", 8);
    await app.db.account.update({ where: { id: account.id }, data: { accessTokenIssuedAt: new Date(Date.now() - 40_000) } }); // 48 s lifetime, 8 s left
    const before = await refreshCalls();
    expect((await app.withProviderToken(user.id, account.id, userinfo)).status).toBe(200);
    expect(await refreshCalls()).toBe(before + 1);
  });

  it("uses a fresh token without calling the token endpoint", async () => {
    const { user, account } = await connectedUser("fresh", 300);
    const before = await refreshCalls();
    expect((await app.withProviderToken(user.id, account.id, userinfo)).status).toBe(200);
    expect(await refreshCalls()).toBe(before);
  });

  it("on a 401 refreshes once and retries once, never more", async () => {
    const { user, account } = await connectedUser("ursula", 300);
    let calls = 0;
    const before = await refreshCalls();
    const recovered = await app.withProviderToken(user.id, account.id, (token) => (++calls === 1 ? Promise.resolve(new Response(null, { status: 401 })) : userinfo(token)));
    expect([recovered.status, calls, await refreshCalls()]).toEqual([200, 2, before + 1]);

    // Mark this one fresh so only the 401 refreshes.
    await app.db.account.updateMany({ where: { userId: user.id }, data: { expires_at: Math.floor(Date.now() / 1000) + 300 } });
    calls = 0;
    const refused = await app.withProviderToken(user.id, account.id, () => (calls++, Promise.resolve(new Response(null, { status: 401 }))));
    expect([refused.status, calls, await refreshCalls()]).toEqual([401, 2, before + 2]);
  });

  it("makes one token call for 20 concurrent callers in two instances, and the stored refresh token still works", async () => {
    const { user, account } = await connectedUser("concurrent");
    vi.resetModules(); // a second copy of the token modules: its own in-process dedupe, the same database
    const second = await import("@/lib/tokens/with-provider-token");
    const before = await refreshCalls();
    const calls = [app.withProviderToken, second.withProviderToken].flatMap((instance) =>
      Array.from({ length: 10 }, () => instance(user.id, account.id, userinfo).then((r) => r.status)),
    );
    expect(await Promise.all(calls)).toEqual(Array(20).fill(200));
    expect(await refreshCalls()).toBe(before + 1);
    // Reuse detection at the provider would have revoked the grant if a rotated token had been sent twice.
    const row = await storedAccount(account.id);
    await app.refreshAccount(app.findProvider("acme")!, row.id, row.version);
    expect(await refreshCalls()).toBe(before + 2);
    expect((await storedAccount(account.id)).status).toBe("active");
  });

  it.runIf(process.env.TEST_DATABASE_URL)("makes one token call for 20 callers in two server processes", async () => {
    const { user, account } = await connectedUser("processes");
    const before = await refreshCalls();
    const results = await Promise.all([inWorkerProcess(user.id, account.id, 10), inWorkerProcess(user.id, account.id, 10)]);
    expect(results.flat()).toEqual(Array(20).fill(200));
    expect(await refreshCalls()).toBe(before + 1);
   }, 60_000); // two tsx processes start slowly on a busy machine

  it("marks the connection 'needs reconnect' on invalid_grant and stops calling the provider", async () => {
    const { user, account, tokens } = await connectedUser("revoked");
    const revoke = await fetch(`${providers.acme.issuer}/token/revocation`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from("dev-app:dev-app-secret-not-for-production").toString("base64")}` },
      body: new URLSearchParams({ token: tokens.refresh_token, token_type_hint: "refresh_token" }),
    });
    expect(revoke.ok).toBe(true);
    await expect(app.withProviderToken(user.id, account.id, userinfo)).rejects.toThrow("Acme ID needs to be reconnected.");
    const row = await storedAccount(account.id);
    expect([row.status, row.leaseOwner, row.version]).toEqual(["needs_reconnect", null, 0]);
    expect(row.lastError).toBe("the provider refused the refresh token");
    expect(await app.db.activityEvent.count({ where: { userId: user.id, type: "needs_reconnect" } })).toBe(1);
    const before = await refreshCalls();
    await expect(app.withProviderToken(user.id, account.id, userinfo)).rejects.toThrow("needs to be reconnected");
    expect(await refreshCalls()).toBe(before);
  });

  it("a token whose key is gone: 'needs reconnect', a clear error, no 500", async () => {
    const { user, account } = await connectedUser("lost-key", 300);
    const { encrypt } = await import("@/lib/tokens/crypto");
    const { parseKeyRing } = await import("@/lib/tokens/keys");
    const retired = parseKeyRing(`retired:${Buffer.alloc(32, 9).toString("base64")}`, "unused");
    await app.db.account.update({ where: { id: account.id }, data: { access_token: encrypt("x", "access_token", retired) } });
    await expect(app.withProviderToken(user.id, account.id, userinfo)).rejects.toThrow("Acme ID needs to be reconnected.");
    const row = await storedAccount(account.id);
    expect([row.status, row.lastError]).toEqual(["needs_reconnect", expect.stringContaining("cannot be decrypted")]);
    // The refresh path too: an undecryptable refresh token never reaches the provider.
    const other = await connectedUser("lost-refresh-key");
    await app.db.account.update({ where: { id: other.account.id }, data: { refresh_token: encrypt("y", "refresh_token", retired) } });
    const before = await refreshCalls();
    await expect(app.withProviderToken(other.user.id, other.account.id, userinfo)).rejects.toThrow("Acme ID needs to be reconnected.");
    expect(await refreshCalls()).toBe(before);
    const second = await storedAccount(other.account.id);
    expect([second.status, second.leaseOwner]).toEqual(["needs_reconnect", null]);
  });

  it("reads a plaintext row from before encryption and stores it encrypted", async () => {
    const tokens = await obtainTokens(providers.acme, { username: "legacy" });
    const user = await app.db.user.create({ data: { email: "legacy@example.test" } });
    const account = await app.db.account.create({
      data: {
        userId: user.id, type: "oidc", provider: "acme", providerAccountId: "legacy",
        access_token: tokens.access_token, refresh_token: tokens.refresh_token, expires_at: Math.floor(Date.now() / 1000) + 300,
      },
    });
    expect((await app.withProviderToken(user.id, account.id, userinfo)).status).toBe(200);
    const row = await storedAccount(account.id);
    expect(row.access_token).toMatch(/^enc:v1:/);
    expect(row.refresh_token).toMatch(/^enc:v1:/);
    expect(app.readSecret(row.refresh_token, "refresh_token")).toEqual({ value: tokens.refresh_token, stale: false });
  });
});

describe("faults injected at the provider's token endpoint", () => {
  const arm = (mode: string, count = 1, extra: Record<string, unknown> = {}) =>
    fetch(`${providers.acme.issuer}/__dev/faults`, { method: "PUT", body: JSON.stringify({ mode, count, ...extra }) });
  afterEach(() => fetch(`${providers.acme.issuer}/__dev/faults`, { method: "DELETE" }));

  it.each([
    ["500", "Acme ID could not refresh access right now (the provider answered HTTP 500). Please try again."],
    ["garbage", "Acme ID could not refresh access right now (the provider sent a malformed response). Please try again."],
    ["reset", "Acme ID could not refresh access right now (the provider could not be reached). Please try again."],
    ["hang", "Acme ID could not refresh access right now (the provider did not answer in time). Please try again."],
  ] as const)("%s: a clear, retryable error; tokens untouched; the next call refreshes with them", async (mode, message) => {
    const { user, account } = await connectedUser(`fault-${mode}`);
    const before = await storedAccount(account.id);
    await arm(mode);
    await expect(app.withProviderToken(user.id, account.id, userinfo)).rejects.toThrow(message);
    const after = await storedAccount(account.id);
    const noted = { lastError: null, lastErrorAt: null, failureCount: 0, nextRetryAt: null, updatedAt: null };
    expect({ ...after, ...noted }).toEqual({ ...before, updatedAt: null });
    expect(after.lastError).toBeTruthy();
    // Backed off on the database's clock: about a minute after the failure.
    expect(after.failureCount).toBe(1);
    expect(after.nextRetryAt!.getTime() - after.lastErrorAt!.getTime()).toBe(60_000);
    // Nothing was lost: the stored refresh token still works, and the grant was not revoked.
    const refreshes = await refreshCalls();
    expect((await app.withProviderToken(user.id, account.id, userinfo)).status).toBe(200);
    expect(await refreshCalls()).toBe(refreshes + 1);
    const recovered = await storedAccount(account.id);
    expect([recovered.lastError, recovered.failureCount, recovered.nextRetryAt]).toEqual([null, 0, null]);
  }, 30_000);

  it("a token endpoint that answers in 9 s: 20 callers in two instances, exactly one refresh, the grant alive", async () => {
    const { user, account } = await connectedUser("slow-provider");
    await arm("delay", 1, { ms: 9_000 });
    const before = await refreshCalls();
    expect(await twoInstances(user.id, account.id, 10)).toEqual(Array(20).fill(200));
    expect(await refreshCalls()).toBe(before + 1);
    const row = await storedAccount(account.id);
    expect([row.status, row.version, row.leaseOwner, row.failureCount]).toEqual(["active", 1, null, 0]);
    // Reuse detection would have revoked the grant if the rotated refresh token had been replayed.
    await app.refreshAccount(app.findProvider("acme")!, row.id, row.version);
    expect(await refreshCalls()).toBe(before + 2);
    expect((await storedAccount(account.id)).status).toBe("active");
  }, 60_000);

  it("10 callers in two instances and a failing token endpoint: one token request, ten clear errors", async () => {
    const { user, account } = await connectedUser("fault-storm");
    vi.resetModules(); // a second instance: without the shared failure record it would try again itself
    const second = await import("@/lib/tokens/with-provider-token");
    // The provider takes a second to fail, so every caller is already waiting on the one request when it does
    // (with an instant failure, a caller whose first read comes after it would rightly be a new attempt).
    await arm("500", 100, { ms: 1_000 });
    const outcomes = await Promise.allSettled(
      [app.withProviderToken, second.withProviderToken].flatMap((instance) =>
        Array.from({ length: 5 }, () => instance(user.id, account.id, userinfo)),
      ),
    );
    const messages = outcomes.map((o) => (o.status === "rejected" ? (o.reason as Error).message : "fulfilled"));
    expect(new Set(messages)).toEqual(new Set(["Acme ID could not refresh access right now (the provider answered HTTP 500). Please try again."]));
    const faults = await (await fetch(`${providers.acme.issuer}/__dev/faults`)).json();
    expect(faults.armed.remaining).toBe(99);
    expect((await storedAccount(account.id)).leaseOwner).toBeNull();
  });

  it("invalid_grant: 'needs reconnect', not a retry loop", async () => {
    const { user, account } = await connectedUser("fault-invalid-grant");
    await arm("invalid_grant", 5);
    await expect(app.withProviderToken(user.id, account.id, userinfo)).rejects.toThrow("Acme ID needs to be reconnected.");
    const faults = await (await fetch(`${providers.acme.issuer}/__dev/faults`)).json();
    expect(faults.armed.remaining).toBe(4); // exactly one token request was made
    expect((await storedAccount(account.id)).status).toBe("needs_reconnect");
  });

  it.runIf(process.env.TEST_DATABASE_URL)("a server process killed mid-refresh: its lease expires and the next caller refreshes", async () => {
    const { user, account } = await connectedUser("killed");
    await arm("hang");
    const worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/refresh-worker.ts", user.id, account.id, "1", `${providers.acme.issuer}/me`], {
      env: process.env,
      stdio: "ignore",
    });
    await expect.poll(async () => (await storedAccount(account.id)).leaseOwner, { timeout: 40_000 }).not.toBeNull();
    worker.kill("SIGKILL");
    await fetch(`${providers.acme.issuer}/__dev/faults`, { method: "DELETE" });
    const refreshes = await refreshCalls();
    expect((await app.withProviderToken(user.id, account.id, userinfo)).status).toBe(200);
    expect(await refreshCalls()).toBe(refreshes + 1);
    const row = await storedAccount(account.id);
    expect([row.status, row.version, row.leaseOwner]).toEqual(["active", 1, null]);
  }, 90_000);
});
