// decideSignIn (lib/auth/sign-in-policy.ts): what an OAuth callback may do before Auth.js touches
// users or accounts. The callback account and profile are what Auth.js hands the signIn callback
// after a real sign-in at a local development provider: real tokens, real signed ID token claims.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProvidersForTests } from "./support/dev-provider-env";
import { obtainTokens, type Tokens } from "./support/oidc-client";
import { changes, snapshot } from "./support/snapshot";

type Policy = typeof import("@/lib/auth/sign-in-policy");

let dev: Awaited<ReturnType<typeof startProvidersForTests>>["dev"];
let acme: { id: string; issuer: string };
let decideSignIn: Policy["decideSignIn"];
let db: typeof import("@/lib/db").db;
let decrypt: typeof import("@/lib/tokens/crypto").decrypt;
let PENDING_LINK_TTL_MS: number;

beforeAll(async () => {
  // lib/env parses process.env when first imported, so the app modules come after this.
  ({ dev, acme } = await startProvidersForTests());
  ({ decideSignIn } = await import("@/lib/auth/sign-in-policy"));
  ({ db } = await import("@/lib/db"));
  ({ decrypt } = await import("@/lib/tokens/crypto"));
  ({ PENDING_LINK_TTL_MS } = await import("@/lib/accounts/pending-links"));
  const { findProvider } = await import("@/lib/providers");
  expect(findProvider("acme")?.issuer).toBe(acme.issuer);
});
afterAll(() => dev?.close());

/** The `account` Auth.js passes to the signIn callback for an OpenID Connect sign-in. */
function callbackAccount(tokens: Tokens, provider = "acme") {
  const { claims, ...set } = tokens;
  return { type: "oidc", provider, providerAccountId: String(claims.sub), ...set };
}

const user = (email: string | null) => db.user.create({ data: { email } });
const linkAccount = (userId: string, tokens: Tokens) =>
  db.account.create({ data: { userId, type: "oidc", provider: "acme", providerAccountId: String(tokens.claims.sub) } });

describe("decideSignIn while signed in", () => {
  it("refuses to link when the person did not ask to connect this provider, and creates nothing", async () => {
    const me = await user("sam@example.test");
    const tokens = await obtainTokens(acme, { username: "sam.other" });
    const before = await snapshot(db);
    for (const connectIntent of [null, { provider: "globex", connectionId: null }]) {
      const decision = await decideSignIn({ sessionUserId: me.id, connectIntent, account: callbackAccount(tokens), profile: tokens.claims });
      expect(decision).toEqual({ kind: "redirect", to: "/settings/accounts?error=not-requested&provider=acme" });
    }
    expect(changes(before, await snapshot(db))).toEqual({});
  });

  it("refuses an account owned by another user: records connect_refused for the signed-in user, changes nothing else", async () => {
    const owner = await user("olga@example.test");
    const me = await user("mallory@example.test");
    const tokens = await obtainTokens(acme, { username: "olga" });
    await linkAccount(owner.id, tokens);
    const before = await snapshot(db);

    const decision = await decideSignIn({ sessionUserId: me.id, connectIntent: { provider: "acme", connectionId: null }, account: callbackAccount(tokens), profile: tokens.claims });

    expect(decision).toEqual({ kind: "redirect", to: "/settings/accounts?error=owned-by-other&provider=acme" });
    expect(changes(before, await snapshot(db))).toEqual({
      activity: {
        added: [expect.objectContaining({ userId: me.id, type: "connect_refused", provider: "acme" })],
        removed: [],
        changed: [],
      },
    });
  });

  it("allows connecting an account the signed-in user already owns (a reconnect)", async () => {
    const me = await user("rita@example.test");
    const tokens = await obtainTokens(acme, { username: "rita" });
    await linkAccount(me.id, tokens);
    const before = await snapshot(db);
    const decision = await decideSignIn({ sessionUserId: me.id, connectIntent: { provider: "acme", connectionId: null }, account: callbackAccount(tokens), profile: tokens.claims });
    expect(decision).toEqual({ kind: "allow" });
    expect(changes(before, await snapshot(db))).toEqual({});
  });

  it("allows connecting a new account when asked, even if its email belongs to another user", async () => {
    const me = await user("tom@example.test");
    await user("tom.other@example.test");
    const tokens = await obtainTokens(acme, { username: "tom.second", email: "tom.other@example.test" });
    const before = await snapshot(db);
    const decision = await decideSignIn({ sessionUserId: me.id, connectIntent: { provider: "acme", connectionId: null }, account: callbackAccount(tokens), profile: tokens.claims });
    expect(decision).toEqual({ kind: "allow" });
    expect(changes(before, await snapshot(db))).toEqual({});
  });
});

describe("decideSignIn while signed out", () => {
  it("allows signing in with a linked account (ownership wins over the email match)", async () => {
    const owner = await user("lena@example.test");
    const tokens = await obtainTokens(acme, { username: "lena" }); // lena@example.test, verified
    await linkAccount(owner.id, tokens);
    const before = await snapshot(db);
    const decision = await decideSignIn({ sessionUserId: null, connectIntent: null, account: callbackAccount(tokens), profile: tokens.claims });
    expect(decision).toEqual({ kind: "allow" });
    expect(changes(before, await snapshot(db))).toEqual({});
  });

  it("allows a new person whose email nobody uses, or who shares no email at all", async () => {
    await user("someone.else@example.test");
    const fresh = await obtainTokens(acme, { username: "newcomer" });
    const noEmail = await obtainTokens(acme, { username: "quiet", scope: "openid offline_access" });
    expect(noEmail.claims.email).toBeUndefined();
    const before = await snapshot(db);
    for (const tokens of [fresh, noEmail]) {
      const decision = await decideSignIn({ sessionUserId: null, connectIntent: null, account: callbackAccount(tokens), profile: tokens.claims });
      expect(decision).toEqual({ kind: "allow" });
    }
    expect(changes(before, await snapshot(db))).toEqual({});
  });

  it("pauses a sign-in whose provider-verified email belongs to an existing user: encrypted, ten-minute PendingLink", async () => {
    const existing = await user("vera@example.test");
    const tokens = await obtainTokens(acme, { username: "vera.acme", email: "vera@example.test" });
    expect(tokens.claims).toMatchObject({ email: "vera@example.test", email_verified: true });
    const before = await snapshot(db);

    const started = Date.now();
    const decision = await decideSignIn({ sessionUserId: null, connectIntent: null, account: callbackAccount(tokens), profile: tokens.claims });
    const finished = Date.now();

    expect(decision).toEqual({ kind: "pending", id: expect.any(String), to: "/sign-in/link" });
    const id = (decision as { id: string }).id;
    expect(id.length).toBeGreaterThanOrEqual(32); // unguessable
    const diff = changes(before, await snapshot(db));
    expect(Object.keys(diff).sort()).toEqual(["activity", "pendingLinks"]); // no user, no account
    expect(diff.activity).toEqual({
      added: [expect.objectContaining({ userId: existing.id, type: "pending_link_created", provider: "acme" })], removed: [], changed: [],
    });
    expect(diff.pendingLinks?.added).toHaveLength(1);

    const row = await db.pendingLink.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ userId: existing.id, provider: "acme", providerAccountId: "vera.acme", email: "vera@example.test" });
    // Encrypted at rest: no token (nor any long piece of one) anywhere in the row.
    const stored = JSON.stringify(row);
    for (const secret of [tokens.access_token, tokens.refresh_token, tokens.id_token]) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice(0, 16));
      expect(stored).not.toContain(secret.slice(-16));
    }
    expect(row.payload).toMatch(/^enc:v1:/);
    expect(() => decrypt(row.payload, "access_token")).toThrow(); // bound to its purpose
    // ...but the tokens are in it, so completing the link can store them.
    expect(JSON.parse(decrypt(row.payload, "pending_link").value)).toMatchObject({
      provider: "acme", providerAccountId: "vera.acme",
      access_token: tokens.access_token, refresh_token: tokens.refresh_token, id_token: tokens.id_token,
    });
    expect(PENDING_LINK_TTL_MS).toBe(10 * 60 * 1000);
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(started + 10 * 60 * 1000 - 1000);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(finished + 10 * 60 * 1000 + 1000);
  });

  it("refuses an UNVERIFIED email of an existing user with EmailInUse and keeps no PendingLink", async () => {
    await user("wes@example.test");
    const tokens = await obtainTokens(acme, { username: "wes.acme", email: "wes@example.test" });
    const { email_verified: _verified, ...withoutFlag } = tokens.claims;
    const before = await snapshot(db);
    for (const profile of [{ ...tokens.claims, email_verified: false }, withoutFlag]) {
      const decision = await decideSignIn({ sessionUserId: null, connectIntent: null, account: callbackAccount(tokens), profile });
      expect(decision, JSON.stringify(profile.email_verified)).toEqual({ kind: "redirect", to: "/sign-in?error=EmailInUse" });
    }
    expect(changes(before, await snapshot(db))).toEqual({});
    expect(await db.pendingLink.count()).toBe(before.pendingLinks.length);
  });

  it("compares emails case-insensitively, in both directions and for verified and unverified emails", async () => {
    const upper = await user("Xena.Upper@Example.TEST");
    const lower = await user("yuri@example.test");
    const toUpper = await obtainTokens(acme, { username: "xena.acme", email: "xena.upper@example.test" });
    const toLower = await obtainTokens(acme, { username: "yuri.acme", email: "YURI@Example.Test" });
    expect(toLower.claims.email).toBe("YURI@Example.Test"); // the provider keeps the case it was given

    for (const [tokens, owner] of [[toUpper, upper], [toLower, lower]] as const) {
      const unverified = await decideSignIn({
        sessionUserId: null, connectIntent: null, account: callbackAccount(tokens), profile: { ...tokens.claims, email_verified: false },
      });
      expect(unverified).toEqual({ kind: "redirect", to: "/sign-in?error=EmailInUse" });

      const decision = await decideSignIn({ sessionUserId: null, connectIntent: null, account: callbackAccount(tokens), profile: tokens.claims });
      expect(decision).toMatchObject({ kind: "pending", to: "/sign-in/link" });
      const row = await db.pendingLink.findUniqueOrThrow({ where: { id: (decision as { id: string }).id } });
      expect(row.userId).toBe(owner.id);
    }
  });

  // Regression: Prisma's `mode: "insensitive"` compiles to ILIKE, where _ and % are wildcards.
  it("treats _ and % in a provider email literally, not as wildcards", async () => {
    await user("ida.w@example.test");
    for (const [username, email] of [["ida_w", "ida_w@example.test"], ["percent", "%@example.test"]]) {
      const tokens = await obtainTokens(acme, { username, email });
      expect(tokens.claims).toMatchObject({ email, email_verified: true });
      const before = await snapshot(db);
      const decision = await decideSignIn({ sessionUserId: null, connectIntent: null, account: callbackAccount(tokens), profile: tokens.claims });
      expect(decision, email).toEqual({ kind: "allow" });
      expect(changes(before, await snapshot(db))).toEqual({});
    }
  });
});
