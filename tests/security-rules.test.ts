// The rules behind /settings/security, on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
// passkeys (never the last way to sign in), sessions (signed out means refused), recent sign-in,
// database rate limits, and the adapter hooks that record names, use and activity.
import { beforeAll, describe, expect, it, vi } from "vitest";

// Connections count as a way to sign in only for providers this deployment configures: the local ones
// (never contacted here). Set before lib/env reads the environment.
vi.hoisted(() => {
  process.env.AUTH_DEV_PROVIDERS = "1";
});
import { db } from "@/lib/db";
import { authAdapter, getSessionAndUser } from "@/lib/auth/adapter";
import { listPasskeys, removePasskey, renamePasskey } from "@/lib/auth/passkeys";
import { decideConfirmSignIn, isRecent, sessionHasRecentSignIn } from "@/lib/auth/recent-sign-in";
import { listSessions, signOutOtherSessions, signOutSession } from "@/lib/auth/sessions";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { parseEnv } from "@/lib/env";
import { hitRateLimit, hitUserRateLimit, rateLimitKey, rateLimitMessage, rateLimits, tooManyRequests } from "@/lib/rate-limit";
import { changes, snapshot } from "./support/snapshot";

const CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const SAFARI_IOS = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

// Opening (and migrating) the database is the slow part; do it under the hook timeout, not a test's.
beforeAll(() => db.$queryRaw`SELECT 1`);

let people = 0;
const newUser = () => db.user.create({ data: { email: `sec${++people}@example.test` } });

/** A passkey the way Auth.js stores one: an Authenticator plus an Account of type "webauthn". */
async function addPasskey(userId: string, credentialID: string) {
  await db.account.create({ data: { userId, type: "webauthn", provider: "passkey", providerAccountId: credentialID } });
  return db.authenticator.create({
    data: {
      userId, credentialID, providerAccountId: credentialID, credentialPublicKey: "pk", counter: 0,
      credentialDeviceType: "singleDevice", credentialBackedUp: false, name: `Key ${credentialID}`,
    },
  });
}
const addConnection = (userId: string, provider = "acme") =>
  db.account.create({ data: { userId, type: "oidc", provider, providerAccountId: `${provider}-${userId}` } });

let tokens = 0;
async function newSession(userId: string, data: { userAgent?: string; authenticatedAt?: Date; lastActiveAt?: Date } = {}) {
  const sessionToken = `token-${++tokens}-${userId}`;
  const row = await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 86_400_000), ...data } });
  return { ...row, sessionToken };
}

describe("passkeys", () => {
  const credential = (n: number) => `credential-id-${String(n).padStart(4, "0")}`;

  it("refuses to remove the only way to sign in and changes nothing", async () => {
    const user = await newUser();
    await addPasskey(user.id, credential(1));
    const before = await snapshot(db);
    expect(await removePasskey(user.id, credential(1))).toEqual({ ok: false, error: "last-method" });
    expect(changes(before, await snapshot(db))).toEqual({});
  });

  it("removes a passkey (authenticator and its account) when a connection remains, and records it", async () => {
    const user = await newUser();
    await addConnection(user.id);
    await addPasskey(user.id, credential(2));
    expect(await removePasskey(user.id, credential(2))).toEqual({ ok: true });
    expect(await db.authenticator.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.account.findMany({ where: { userId: user.id }, select: { provider: true } })).toEqual([{ provider: "acme" }]);
    expect(await db.activityEvent.findMany({ where: { userId: user.id }, select: { type: true, detail: true } })).toEqual([
      { type: "passkey_removed", detail: `Key ${credential(2)}` },
    ]);
  });

  it("counts another passkey as a way to sign in", async () => {
    const user = await newUser();
    await addPasskey(user.id, credential(3));
    await addPasskey(user.id, credential(4));
    expect(await removePasskey(user.id, credential(3))).toEqual({ ok: true });
    expect(await removePasskey(user.id, credential(4))).toEqual({ ok: false, error: "last-method" });
  });

  it("two removals at once cannot take away the last two methods together", async () => {
    const user = await newUser();
    await addPasskey(user.id, credential(5));
    await addPasskey(user.id, credential(6));
    const results = await Promise.all([removePasskey(user.id, credential(5)), removePasskey(user.id, credential(6))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.authenticator.count({ where: { userId: user.id } })).toBe(1);
  });

  it("another user's passkey is not found: not removed, not renamed", async () => {
    const owner = await newUser();
    await addConnection(owner.id);
    await addPasskey(owner.id, credential(7));
    const other = await newUser();
    await addConnection(other.id);
    const before = await snapshot(db);
    expect(await removePasskey(other.id, credential(7))).toEqual({ ok: false, error: "not-found" });
    expect(await renamePasskey(other.id, credential(7), "mine now")).toBe(false);
    expect(changes(before, await snapshot(db))).toEqual({});
    expect(await renamePasskey(owner.id, credential(7), "Laptop")).toBe(true);
    expect((await listPasskeys(owner.id)).map((p) => p.name)).toEqual(["Laptop"]);
  });

  it("the adapter names a new passkey, records passkey_added, and stamps lastUsedAt on each use", async () => {
    const user = await newUser();
    await authAdapter.createAuthenticator!({
      userId: user.id, credentialID: credential(8), providerAccountId: credential(8), credentialPublicKey: "pk",
      counter: 0, credentialDeviceType: "singleDevice", credentialBackedUp: false, transports: "internal",
    });
    const [added] = await listPasskeys(user.id);
    expect(added).toMatchObject({ id: credential(8), name: "Passkey", lastUsedAt: null });
    expect(await db.activityEvent.findMany({ where: { userId: user.id }, select: { type: true } })).toEqual([{ type: "passkey_added" }]);
    await authAdapter.updateAuthenticatorCounter!(credential(8), 1);
    expect((await listPasskeys(user.id))[0].lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("sessions", () => {
  it("lists this device first with browser and system, other devices after", async () => {
    const user = await newUser();
    const phone = await newSession(user.id, { userAgent: SAFARI_IOS });
    const laptop = await newSession(user.id, { userAgent: CHROME_LINUX });
    const list = await listSessions(user.id, laptop.sessionToken);
    expect(list.map(({ id, device, current }) => ({ id, device, current }))).toEqual([
      { id: laptop.id, device: "Chrome on Linux", current: true },
      { id: phone.id, device: "Mobile Safari on iOS", current: false },
    ]);
    expect(JSON.stringify(list)).not.toContain(laptop.sessionToken);
  });

  it("signs out other sessions, keeps this one, and the signed-out session is refused on its next read", async () => {
    const user = await newUser();
    const here = await newSession(user.id);
    const there = await newSession(user.id);
    const elsewhere = await newSession(user.id);
    const stranger = await newSession((await newUser()).id);
    expect(await signOutOtherSessions(user.id, here.sessionToken)).toBe(2);
    expect(await getSessionAndUser(there.sessionToken)).toBeNull();
    expect(await getSessionAndUser(elsewhere.sessionToken)).toBeNull();
    expect(await getSessionAndUser(here.sessionToken)).not.toBeNull();
    expect(await getSessionAndUser(stranger.sessionToken)).not.toBeNull();
    expect(await db.activityEvent.findFirst({ where: { userId: user.id }, select: { type: true, detail: true } })).toEqual({
      type: "sessions_signed_out", detail: 'msg:{"key":"sessionsSignedOut","values":{"count":2}}',
    });
  });

  it("signs out one other session by id; never the current one, never another user's", async () => {
    const user = await newUser();
    const here = await newSession(user.id);
    const there = await newSession(user.id);
    const stranger = await newSession((await newUser()).id);
    expect(await signOutSession(user.id, here.id, here.sessionToken)).toBe(false);
    expect(await signOutSession(user.id, stranger.id, here.sessionToken)).toBe(false);
    expect(await signOutSession(user.id, there.id, here.sessionToken)).toBe(true);
    expect(await db.session.findMany({ where: { id: { in: [here.id, there.id, stranger.id] } }, select: { id: true } })).toHaveLength(2);
  });

  it("the session read moves lastActiveAt at most once a minute (no write on a fresh session)", async () => {
    const user = await newUser();
    const fresh = await newSession(user.id);
    await getSessionAndUser(fresh.sessionToken);
    const after = await db.session.findUniqueOrThrow({ where: { id: fresh.id } });
    expect(after.lastActiveAt).toEqual(fresh.lastActiveAt);
    expect(after.updatedAt).toEqual(fresh.updatedAt);

    const stale = await newSession(user.id, { lastActiveAt: new Date(Date.now() - 5 * 60_000) });
    expect((await getSessionAndUser(stale.sessionToken))?.user.id).toBe(user.id);
    const touched = await db.session.findUniqueOrThrow({ where: { id: stale.id } });
    expect(touched.lastActiveAt.getTime()).toBeGreaterThan(stale.lastActiveAt.getTime());
  });

  it("signing out a session that is already gone is not an error", async () => {
    await expect(authAdapter.deleteSession!("no-such-token")).resolves.toBeNull();
  });

  it("describes user agents with ua-parser-js, and says so when there is nothing to describe", () => {
    expect(describeUserAgent(CHROME_LINUX)).toBe("Chrome on Linux");
    expect(describeUserAgent(CHROME_LINUX, "ja")).toBe("Linux の Chrome");
    expect(describeUserAgent(null)).toBeNull();
    expect(describeUserAgent("curl-ish")).toBeNull();
  });
});

describe("recent sign-in", () => {
  it("AUTH_RECENT_SIGN_IN_MINUTES defaults to 10 and is validated", () => {
    const base = { AUTH_SECRET: "s".repeat(32) };
    expect(parseEnv(base).AUTH_RECENT_SIGN_IN_MINUTES).toBe(10);
    expect(parseEnv({ ...base, AUTH_RECENT_SIGN_IN_MINUTES: "3" }).AUTH_RECENT_SIGN_IN_MINUTES).toBe(3);
    expect(() => parseEnv({ ...base, AUTH_RECENT_SIGN_IN_MINUTES: "ten" })).toThrow(
      "Invalid environment: AUTH_RECENT_SIGN_IN_MINUTES must be a whole number of minutes",
    );
    expect(() => parseEnv({ ...base, AUTH_RECENT_SIGN_IN_MINUTES: "0" })).toThrow("must be between 1 and 1440");
  });

  it("a session counts as recent for the configured minutes after it last proved identity", async () => {
    const now = new Date();
    expect(isRecent(new Date(now.getTime() - 9 * 60_000), now, 10)).toBe(true);
    expect(isRecent(new Date(now.getTime() - 11 * 60_000), now, 10)).toBe(false);
    const user = await newUser();
    const fresh = await newSession(user.id);
    const old = await newSession(user.id, { authenticatedAt: new Date(now.getTime() - 11 * 60_000) });
    expect(await sessionHasRecentSignIn(fresh.sessionToken, user.id)).toBe(true);
    expect(await sessionHasRecentSignIn(old.sessionToken, user.id)).toBe(false);
    // Someone else's session, or none, never counts.
    expect(await sessionHasRecentSignIn(fresh.sessionToken, (await newUser()).id)).toBe(false);
    expect(await sessionHasRecentSignIn(null, user.id)).toBe(false);
  });

  it("'Confirm it's you' lets only the person's own account through; another user's is refused and changes nothing", async () => {
    const user = await newUser();
    await addConnection(user.id, "acme");
    const other = await newUser();
    await addConnection(other.id, "acme");
    const before = await snapshot(db);
    expect(await decideConfirmSignIn(user.id, { provider: "acme", providerAccountId: `acme-${user.id}` }, "/settings/accounts")).toBe(true);
    expect(await decideConfirmSignIn(user.id, { provider: "acme", providerAccountId: `acme-${other.id}` }, "/settings/accounts")).toBe(
      "/settings/confirm?returnTo=%2Fsettings%2Faccounts&error=not-you",
    );
    expect(await decideConfirmSignIn(user.id, { provider: "acme", providerAccountId: "unknown" }, "/")).toMatch(/error=not-you$/);
    expect(changes(before, await snapshot(db))).toEqual({});
  });
});

describe("rate limits kept in the database", () => {
  it("says how long to wait in words that read right at every boundary, in English and Japanese", () => {
    const wait = (seconds: number) => rateLimitMessage(seconds, "en").replace("Too many attempts. Nothing was changed. Please try again in ", "");
    expect([1, 59, 60, 61, 120, 121].map(wait)).toEqual(["1 second.", "59 seconds.", "60 seconds.", "2 minutes.", "2 minutes.", "3 minutes."]);
    const waitJa = (seconds: number) => rateLimitMessage(seconds, "ja").replace("試行回数が多すぎます。何も変更されていません。", "");
    expect([1, 60, 61, 121].map(waitJa)).toEqual(["1秒後にもう一度お試しください。", "60秒後にもう一度お試しください。", "2分後にもう一度お試しください。", "3分後にもう一度お試しください。"]);
  });

  it("answers a refused browser request with 429 in the request's language", async () => {
    const request = (headers: Record<string, string>) => new Request("http://app.test/api/auth/signin/acme", { headers });
    const ja = tooManyRequests(30, request({ cookie: "a=b; locale=ja" }));
    expect(ja.status).toBe(429);
    expect(ja.headers.get("retry-after")).toBe("30");
    await expect(ja.text()).resolves.toBe("試行回数が多すぎます。何も変更されていません。30秒後にもう一度お試しください。");
    await expect(tooManyRequests(30, request({ "accept-language": "ja-JP,ja;q=0.9" })).text()).resolves.toMatch(/^試行回数/);
    await expect(tooManyRequests(30, request({ cookie: "locale=en", "accept-language": "ja" })).text()).resolves.toMatch(/^Too many attempts/);
    await expect(tooManyRequests(90, request({}), true).json()).resolves.toEqual({
      error: "Too many attempts. Nothing was changed. Please try again in 2 minutes.",
    });
  });

  it("allows the limit, then refuses with Retry-After until the window resets", async () => {
    const { limit, windowSeconds } = rateLimits.disconnect;
    const start = new Date("2026-11-30T12:00:00Z");
    for (let i = 0; i < limit; i++) expect(await hitRateLimit("disconnect", "user-window", start)).toEqual({ ok: true });
    const later = new Date(start.getTime() + 30_000);
    expect(await hitRateLimit("disconnect", "user-window", later)).toEqual({
      ok: false, retryAfterSeconds: windowSeconds - 30, firstRefusal: true,
    });
    expect(await hitRateLimit("disconnect", "user-window", later)).toMatchObject({ ok: false, firstRefusal: false });
    expect(await hitRateLimit("disconnect", "user-window", new Date(start.getTime() + windowSeconds * 1000))).toEqual({ ok: true });
    // Other subjects have their own counters.
    expect(await hitRateLimit("disconnect", "someone-else", later)).toEqual({ ok: true });
  });

  it("counts exactly under concurrency (one atomic upsert per hit)", async () => {
    const { limit } = rateLimits.connect;
    const results = await Promise.all(Array.from({ length: limit + 5 }, () => hitRateLimit("connect", "concurrent")));
    expect(results.filter((r) => r.ok)).toHaveLength(limit);
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: rateLimitKey("connect", "concurrent") } })).count).toBe(limit + 5);
  });

  it("a user over the limit gets one rate_limited activity per window", async () => {
    const user = await newUser();
    await db.rateLimit.create({ data: { key: rateLimitKey("call-api", user.id), count: rateLimits["call-api"].limit, resetAt: new Date(Date.now() + 60_000) } });
    expect((await hitUserRateLimit("call-api", user.id)).ok).toBe(false);
    expect((await hitUserRateLimit("call-api", user.id)).ok).toBe(false);
    const events = await db.activityEvent.findMany({ where: { userId: user.id }, select: { type: true, detail: true } });
    expect(events).toEqual([{ type: "rate_limited", detail: expect.stringMatching(/^msg:\{"key":"rateLimited","values":\{"rule":"call-api","seconds":\d+\}\}$/) }]);
  });
});
