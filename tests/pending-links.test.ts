// completePendingLink (lib/accounts/pending-links.ts): a paused sign-in is linked only for the user it
// was created for, once, within ten minutes, and only while the provider account is still free.
// The held account carries real tokens from a local development provider, and the test proves the
// linked row's tokens still work there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProvidersForTests } from "./support/dev-provider-env";
import { issuerOf, obtainTokens, tokenRequest, type Tokens } from "./support/oidc-client";
import { changes, snapshot } from "./support/snapshot";

type PendingLinks = typeof import("@/lib/accounts/pending-links");

let dev: Awaited<ReturnType<typeof startProvidersForTests>>["dev"];
let acme: { id: string; issuer: string };
let createPendingLink: PendingLinks["createPendingLink"];
let completePendingLink: PendingLinks["completePendingLink"];
let db: typeof import("@/lib/db").db;
let readSecret: typeof import("@/lib/tokens/columns").readSecret;
let profileColumns: typeof import("@/lib/providers/profile").profileColumns;

beforeAll(async () => {
  // lib/env parses process.env when first imported, so the app modules come after this.
  ({ dev, acme } = await startProvidersForTests());
  ({ createPendingLink, completePendingLink } = await import("@/lib/accounts/pending-links"));
  ({ db } = await import("@/lib/db"));
  ({ readSecret } = await import("@/lib/tokens/columns"));
  ({ profileColumns } = await import("@/lib/providers/profile"));
});
afterAll(() => dev?.close());

/** A user with a verified email and a pending link for a real acme account with that email. */
async function pendingFor(username: string) {
  const email = `${username}@example.test`;
  const user = await db.user.create({ data: { email } });
  const tokens = await obtainTokens(acme, { username, email });
  const { claims, ...set } = tokens;
  const id = await createPendingLink(user.id, email, {
    type: "oidc", provider: "acme", providerAccountId: String(claims.sub), ...set, profile: profileColumns(claims),
  });
  return { user, tokens, id };
}

const accountOf = (tokens: Tokens) =>
  db.account.findUnique({ where: { provider_providerAccountId: { provider: "acme", providerAccountId: String(tokens.claims.sub) } } });

describe("completePendingLink", () => {
  it("links the account for the right user: encrypted tokens that still work, pending row deleted, activity recorded", async () => {
    const { user, tokens, id } = await pendingFor("pia");
    const before = await snapshot(db);

    expect(await completePendingLink(id, user.id)).toEqual({ ok: true, provider: "acme" });

    const diff = changes(before, await snapshot(db));
    expect(Object.keys(diff).sort()).toEqual(["accounts", "activity", "pendingLinks"]);
    expect(diff.pendingLinks).toEqual({ added: [], removed: [expect.objectContaining({ id })], changed: [] });
    expect(diff.activity).toEqual({
      added: [expect.objectContaining({ userId: user.id, type: "pending_link_completed", provider: "acme" })], removed: [], changed: [],
    });
    expect(diff.accounts?.added).toHaveLength(1);
    expect(diff.accounts?.removed).toEqual([]);

    const account = await accountOf(tokens);
    expect(account).toMatchObject({
      userId: user.id, type: "oidc", provider: "acme", providerAccountId: "pia",
      email: "pia@example.test", username: "pia", expires_at: tokens.expires_at, token_type: tokens.token_type,
      scope: tokens.scope, version: 1, status: "active",
    });
    // Every token column holds ciphertext, bound to its column, that decrypts to the real token.
    const stored = JSON.stringify(account);
    for (const field of ["access_token", "refresh_token", "id_token"] as const) {
      expect(account![field]).toMatch(/^enc:v1:/);
      expect(stored).not.toContain(tokens[field]);
      expect(readSecret(account![field], field)).toEqual({ value: tokens[field], stale: false });
    }
    // ...and the provider still honours the refresh token the link stored.
    const refreshed = await tokenRequest(await issuerOf(acme), {
      grant_type: "refresh_token", refresh_token: readSecret(account!.refresh_token, "refresh_token")!.value,
    });
    expect(refreshed.status).toBe(200);
  });

  it("does not link for another user, and the pending link is used up", async () => {
    const { user, tokens, id } = await pendingFor("quinn");
    const stranger = await db.user.create({ data: { email: "stranger@example.test" } });
    const before = await snapshot(db);

    expect(await completePendingLink(id, stranger.id)).toEqual({ ok: false, reason: "wrong-user" });

    expect(changes(before, await snapshot(db))).toEqual({
      pendingLinks: { added: [], removed: [expect.objectContaining({ id, userId: user.id })], changed: [] },
    });
    expect(await accountOf(tokens)).toBeNull();
    // Single use: not even the right user can complete it now.
    expect(await completePendingLink(id, user.id)).toEqual({ ok: false, reason: "missing" });
    expect(await accountOf(tokens)).toBeNull();
  });

  it("does not link an expired pending link, and deletes it", async () => {
    const { user, tokens, id } = await pendingFor("rosa");
    await db.pendingLink.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await snapshot(db);

    expect(await completePendingLink(id, user.id)).toEqual({ ok: false, reason: "expired" });

    expect(changes(before, await snapshot(db))).toEqual({
      pendingLinks: { added: [], removed: [expect.objectContaining({ id })], changed: [] },
    });
    expect(await accountOf(tokens)).toBeNull();
  });

  it("is single use: the second completion is missing and nothing is linked twice", async () => {
    const { user, tokens, id } = await pendingFor("sven");
    expect(await completePendingLink(id, user.id)).toEqual({ ok: true, provider: "acme" });
    const before = await snapshot(db);
    expect(await completePendingLink(id, user.id)).toEqual({ ok: false, reason: "missing" });
    expect(changes(before, await snapshot(db))).toEqual({});
    expect(await db.account.count({ where: { userId: user.id } })).toBe(1);
    expect(await accountOf(tokens)).toMatchObject({ userId: user.id });
  });

  it("is single use under concurrency: of two simultaneous completions exactly one links", async () => {
    const { user, id } = await pendingFor("tara");
    const results = await Promise.all([completePendingLink(id, user.id), completePendingLink(id, user.id)]);
    expect(results).toEqual(expect.arrayContaining([{ ok: true, provider: "acme" }, { ok: false, reason: "missing" }]));
    expect(await db.account.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.activityEvent.count({ where: { userId: user.id, type: "pending_link_completed" } })).toBe(1);
  });

  it("refuses when the provider account was linked to someone else in the meantime", async () => {
    const { user, tokens, id } = await pendingFor("ugo");
    const other = await db.user.create({ data: { email: "ugo.other@example.test" } });
    const taken = await db.account.create({ data: { userId: other.id, type: "oidc", provider: "acme", providerAccountId: "ugo" } });
    const before = await snapshot(db);

    expect(await completePendingLink(id, user.id)).toEqual({ ok: false, reason: "taken" });

    expect(changes(before, await snapshot(db))).toEqual({
      pendingLinks: { added: [], removed: [expect.objectContaining({ id })], changed: [] },
    });
    expect(await accountOf(tokens)).toEqual(taken);
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers missing for an unknown id and changes nothing", async () => {
    const user = await db.user.create({ data: { email: "vic@example.test" } });
    const before = await snapshot(db);
    expect(await completePendingLink("no-such-pending-link", user.id)).toEqual({ ok: false, reason: "missing" });
    expect(changes(before, await snapshot(db))).toEqual({});
  });
});

describe("cancelPendingLink and findPendingLink", () => {
  it("cancels only for the user it was parked for: deleted, its tokens revoked at the provider", async () => {
    const { cancelPendingLink } = await import("@/lib/accounts/pending-links");
    const { user, tokens, id } = await pendingFor("cora");
    const stranger = await db.user.create({ data: { email: "cora.stranger@example.test" } });
    const before = await snapshot(db);
    expect(await cancelPendingLink(id, stranger.id)).toBe(false);
    expect(changes(before, await snapshot(db))).toEqual({});

    expect(await cancelPendingLink(id, user.id)).toBe(true);
    expect(await db.pendingLink.count({ where: { id } })).toBe(0);
    expect(await accountOf(tokens)).toBeNull();
    const refresh = await tokenRequest(await issuerOf(acme), { grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refresh).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("offers only the user's ways to sign in on the confirmation page", async () => {
    const { findPendingLink } = await import("@/lib/accounts/pending-links");
    const { user, id } = await pendingFor("finn");
    await db.account.createMany({
      data: [
        { userId: user.id, type: "oidc", provider: "acme", providerAccountId: "finn-on" },
        { userId: user.id, type: "oidc", provider: "globex", providerAccountId: "finn-off", signInEnabled: false },
        { userId: user.id, type: "oauth", provider: "myspace", providerAccountId: "finn-gone" },
      ],
    });
    expect(await findPendingLink(id)).toEqual({ userId: user.id, provider: "acme", email: "finn@example.test", existingProviders: ["acme"] });
  });
});
