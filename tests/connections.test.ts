// A connection is one Account row, addressed by id: several per provider, each with its own label and "Use to
// sign in" switch. Every function behind a server action or route is called with another user's connection id and
// must answer "not found" and change nothing. Globex ID is connect-only in this file (DEV_GLOBEX_CONNECT_ONLY=1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProvidersForTests } from "./support/dev-provider-env";
import { devStats, obtainTokens, type Tokens } from "./support/oidc-client";
import { changes, snapshot } from "./support/snapshot";

let dev: Awaited<ReturnType<typeof startProvidersForTests>>["dev"];
let acme: { id: string; issuer: string };
let globex: { id: string; issuer: string };
let db: typeof import("@/lib/db").db;
let tokenColumns: typeof import("@/lib/tokens/columns").tokenColumns;
let app: {
  connections: typeof import("@/lib/accounts/connections");
  settings: typeof import("@/lib/accounts/connection-settings");
  requests: typeof import("@/lib/accounts/connect-requests");
  methods: typeof import("@/lib/accounts/sign-in-methods");
  disconnect: typeof import("@/lib/accounts/disconnect");
  call: typeof import("@/lib/accounts/call-provider-api");
  tokens: typeof import("@/lib/tokens/with-provider-token");
  policy: typeof import("@/lib/auth/sign-in-policy");
};

beforeAll(async () => {
  ({ dev, acme, globex } = await startProvidersForTests());
  process.env.DEV_GLOBEX_CONNECT_ONLY = "1";
  ({ db } = await import("@/lib/db"));
  ({ tokenColumns } = await import("@/lib/tokens/columns"));
  app = {
    connections: await import("@/lib/accounts/connections"),
    settings: await import("@/lib/accounts/connection-settings"),
    requests: await import("@/lib/accounts/connect-requests"),
    methods: await import("@/lib/accounts/sign-in-methods"),
    disconnect: await import("@/lib/accounts/disconnect"),
    call: await import("@/lib/accounts/call-provider-api"),
    tokens: await import("@/lib/tokens/with-provider-token"),
    policy: await import("@/lib/auth/sign-in-policy"),
  };
});
afterAll(() => dev?.close());

let people = 0;
const newUser = () => db.user.create({ data: { email: `conn${++people}@example.test` } });

async function connect(userId: string, provider: { id: string; issuer: string }, username: string, extra: { signInEnabled?: boolean } = {}) {
  const tokens = await obtainTokens(provider, { username });
  const { claims, ...set } = tokens;
  const account = await db.account.create({
    data: {
      userId, type: "oidc", provider: provider.id, providerAccountId: String(claims.sub), username, email: `${username}@example.test`,
      ...tokenColumns(set), version: 1, ...extra,
    },
  });
  return { account, tokens };
}

/** A connection of a provider this deployment does not configure (removed since it was connected). */
const orphan = (userId: string, id: string) =>
  db.account.create({ data: { userId, type: "oauth", provider: "myspace", providerAccountId: id } });

const callback = (tokens: Tokens, provider: string) => {
  const { claims, ...set } = tokens;
  return { type: "oidc", provider, providerAccountId: String(claims.sub), ...set };
};

describe("connections by id", () => {
  it("keeps two accounts of one provider apart: resolveConnectionId refuses to guess, withProviderToken uses the one named", async () => {
    const me = await newUser();
    const work = await connect(me.id, acme, "ada.work");
    await expect(app.connections.resolveConnectionId(me.id, "acme")).resolves.toBe(work.account.id);
    await expect(app.connections.resolveConnectionId(me.id, "globex")).rejects.toThrow("Globex ID is not connected.");
    const home = await connect(me.id, acme, "ada.home");
    await expect(app.connections.resolveConnectionId(me.id, "acme")).rejects.toThrow(
      "You have more than one Acme ID account connected; choose one by its connection id.",
    );
    const listed = await app.connections.listConnections(me.id);
    expect(listed.map((c) => c.username)).toEqual(["ada.work", "ada.home"]);
    expect(listed.every((c) => c.available && c.canSignIn && c.signInEnabled && c.label === null)).toBe(true);
    await expect(app.call.callProviderApi(me.id, work.account.id)).resolves.toEqual({ ok: true, summary: "userinfo for ada.work" });
    await expect(app.call.callProviderApi(me.id, home.account.id)).resolves.toEqual({ ok: true, summary: "userinfo for ada.home" });
  });

  it("answers another user's connection id as not found on every action, changing nothing here or at the provider", async () => {
    const victim = await newUser();
    const { account } = await connect(victim.id, acme, "vic");
    const attacker = await newUser();
    await connect(attacker.id, acme, "mal");
    await connect(attacker.id, acme, "mal.two");
    const stats = await devStats(acme.issuer);
    const before = await snapshot(db);

    const id = account.id;
    await expect(app.tokens.withProviderToken(attacker.id, id, async () => new Response("never"))).rejects.toThrow(
      "That account is not connected.",
    );
    await expect(app.call.callProviderApi(attacker.id, id)).resolves.toEqual({ ok: false, summary: "That account is not connected." });
    await expect(app.disconnect.disconnectAccount(attacker.id, id)).resolves.toEqual({ ok: false, error: "not-found" });
    await expect(app.settings.renameConnection(attacker.id, id, "Mine now")).resolves.toEqual({ ok: false, error: "not-found" });
    for (const enabled of [true, false]) {
      await expect(app.settings.setSignInEnabled(attacker.id, id, enabled)).resolves.toEqual({ ok: false, error: "not-found" });
    }
    await expect(app.requests.reconnectRequest(attacker.id, id)).resolves.toEqual({ error: "not-found" });
    await expect(app.requests.grantMoreAccessRequest(attacker.id, id)).resolves.toEqual({ error: "not-found" });
    await expect(app.connections.findConnection(attacker.id, id)).resolves.toBeNull();

    expect(changes(before, await snapshot(db))).toEqual({});
    expect(await devStats(acme.issuer)).toEqual(stats);
  });

  it("labels a connection, and an empty label removes it", async () => {
    const me = await newUser();
    const { account } = await connect(me.id, acme, "lab");
    await expect(app.settings.renameConnection(me.id, account.id, "  Work  ")).resolves.toEqual({ ok: true });
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).label).toBe("Work");
    await expect(app.settings.renameConnection(me.id, account.id, "")).resolves.toEqual({ ok: true });
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).label).toBeNull();
  });
});

describe("connect requests", () => {
  it("asks the provider who signs in only for a second account, and aims Reconnect and Grant more access at one identity", async () => {
    const me = await newUser();
    await expect(app.requests.connectRequest(me.id, "acme")).resolves.toEqual({ providerId: "acme", connectionId: null, params: {} });
    const { account } = await connect(me.id, acme, "req.one");
    await db.account.update({ where: { id: account.id }, data: { scope: "openid email" } });
    await expect(app.requests.connectRequest(me.id, "acme")).resolves.toEqual({
      providerId: "acme", connectionId: null, params: { prompt: "login" },
    });
    await expect(app.requests.reconnectRequest(me.id, account.id)).resolves.toEqual({
      providerId: "acme", connectionId: account.id, params: { login_hint: "req.one" },
    });
    const grant = await app.requests.grantMoreAccessRequest(me.id, account.id);
    expect(grant).toMatchObject({ providerId: "acme", connectionId: account.id, params: { login_hint: "req.one" } });
    expect(("params" in grant ? grant.params.scope : "").split(" ").sort()).toEqual(
      ["api:read", "email", "offline_access", "openid", "profile"],
    );
    await expect(app.requests.connectRequest(me.id, "myspace")).resolves.toEqual({ error: "unknown-provider" });
  });
});

describe("ways to sign in", () => {
  it("counts only sign-in-enabled connections of configured, non-connect-only providers", async () => {
    const me = await newUser();
    await connect(me.id, acme, "count.on");
    await connect(me.id, acme, "count.off", { signInEnabled: false });
    await connect(me.id, globex, "count.globex"); // connect-only here
    await orphan(me.id, "count-orphan");
    await expect(app.methods.countSignInMethods(db, me.id)).resolves.toBe(1);
    const listed = await app.connections.listConnections(me.id);
    expect(listed.map((c) => [c.username ?? c.provider, c.available, c.canSignIn])).toEqual([
      ["count.on", true, true], ["count.off", true, false], ["count.globex", true, false], ["myspace", false, false],
    ]);
  });

  it("refuses to turn off the last sign-in-capable connection, allows it when another remains", async () => {
    const me = await newUser();
    const first = await connect(me.id, acme, "sw.first");
    await connect(me.id, globex, "sw.globex");
    const before = await snapshot(db);
    await expect(app.settings.setSignInEnabled(me.id, first.account.id, false)).resolves.toEqual({ ok: false, error: "last-method" });
    expect(changes(before, await snapshot(db))).toEqual({});

    const second = await connect(me.id, acme, "sw.second");
    await expect(app.settings.setSignInEnabled(me.id, first.account.id, false)).resolves.toEqual({ ok: true });
    await expect(app.settings.setSignInEnabled(me.id, second.account.id, false)).resolves.toEqual({ ok: false, error: "last-method" });
    // The disconnect guard uses the same count: the only sign-in-capable connection stays.
    await expect(app.disconnect.disconnectAccount(me.id, second.account.id)).resolves.toEqual({ ok: false, error: "last-method" });
    await expect(app.settings.setSignInEnabled(me.id, first.account.id, true)).resolves.toEqual({ ok: true });
  });

  it("has no switch for connect-only or unavailable providers", async () => {
    const me = await newUser();
    await connect(me.id, acme, "nosw");
    const { account } = await connect(me.id, globex, "nosw.globex");
    const gone = await orphan(me.id, "nosw-orphan");
    for (const id of [account.id, gone.id]) {
      await expect(app.settings.setSignInEnabled(me.id, id, true)).resolves.toEqual({ ok: false, error: "cannot-sign-in" });
    }
  });

  it("removes connections that cannot sign in without counting them, even when they are not the last", async () => {
    const me = await newUser();
    const only = await connect(me.id, acme, "rm.only");
    const gone = await orphan(me.id, "rm-orphan");
    const { account } = await connect(me.id, globex, "rm.globex");
    await expect(app.disconnect.disconnectAccount(me.id, only.account.id)).resolves.toEqual({ ok: false, error: "last-method" });
    await expect(app.disconnect.disconnectAccount(me.id, gone.id)).resolves.toEqual({
      ok: true, provider: "myspace", revocation: { status: "unsupported" },
    });
    const revocations = (await devStats(globex.issuer)).revocations;
    await expect(app.disconnect.disconnectAccount(me.id, account.id)).resolves.toMatchObject({ ok: true, revocation: { status: "revoked" } });
    expect((await devStats(globex.issuer)).revocations).toBe(revocations + 1);
    expect((await app.connections.listConnections(me.id)).map((c) => c.username)).toEqual(["rm.only"]);
  });

  it("refuses sign-in through a connect-only provider or a connection with Use to sign in off, creating nothing", async () => {
    const me = await newUser();
    const { tokens: acmeTokens } = await connect(me.id, acme, "si.off", { signInEnabled: false });
    const { tokens: globexTokens } = await connect(me.id, globex, "si.globex");
    const fresh = await obtainTokens(globex, { username: "si.new" });
    const before = await snapshot(db);
    const decide = (tokens: Tokens, provider: string) =>
      app.policy.decideSignIn({ sessionUserId: null, connectIntent: null, account: callback(tokens, provider), profile: tokens.claims });
    await expect(decide(acmeTokens, "acme")).resolves.toEqual({ kind: "redirect", to: "/sign-in?error=SignInDisabled" });
    await expect(decide(globexTokens, "globex")).resolves.toEqual({ kind: "redirect", to: "/sign-in?error=ConnectOnly" });
    await expect(decide(fresh, "globex")).resolves.toEqual({ kind: "redirect", to: "/sign-in?error=ConnectOnly" });
    expect(changes(before, await snapshot(db))).toEqual({});
  });
});

describe("Grant more access and Reconnect act on one connection", () => {
  it("refuses another identity at the provider: no new row, nothing changed but a connect_refused event naming it", async () => {
    const me = await newUser();
    const { account } = await connect(me.id, acme, "gm.first");
    const other = await obtainTokens(acme, { username: "gm.second" });
    const same = await obtainTokens(acme, { username: "gm.first" });
    const intent = { provider: "acme", connectionId: account.id };
    const before = await snapshot(db);
    const decision = await app.policy.decideSignIn({ sessionUserId: me.id, connectIntent: intent, account: callback(other, "acme"), profile: other.claims });
    expect(decision).toEqual({ kind: "redirect", to: "/settings/accounts?error=different-identity&provider=acme&as=gm.second" });
    expect(changes(before, await snapshot(db))).toEqual({
      activity: {
        added: [expect.objectContaining({ userId: me.id, type: "connect_refused", detail: 'msg:{"key":"differentAccount","values":{"who":"gm.second"}}' })],
        removed: [], changed: [],
      },
    });
    await expect(
      app.policy.decideSignIn({ sessionUserId: me.id, connectIntent: intent, account: callback(same, "acme"), profile: same.claims }),
    ).resolves.toEqual({ kind: "allow" });
  });

  it("answers another user's connection id in the intent as not found", async () => {
    const owner = await newUser();
    const { account, tokens } = await connect(owner.id, acme, "gm.owned");
    const me = await newUser();
    const before = await snapshot(db);
    const decision = await app.policy.decideSignIn({
      sessionUserId: me.id, connectIntent: { provider: "acme", connectionId: account.id }, account: callback(tokens, "acme"), profile: tokens.claims,
    });
    // Owned by someone else is checked first; either way nothing is linked.
    expect(decision).toMatchObject({ kind: "redirect" });
    const mine = await obtainTokens(acme, { username: "gm.mine" });
    const decisionMine = await app.policy.decideSignIn({
      sessionUserId: me.id, connectIntent: { provider: "acme", connectionId: account.id }, account: callback(mine, "acme"), profile: mine.claims,
    });
    expect(decisionMine).toEqual({ kind: "redirect", to: "/settings/accounts?error=not-found&provider=acme" });
    const diff = changes(before, await snapshot(db));
    expect(Object.keys(diff)).toEqual(["activity"]);
    expect(diff.activity?.added.map((row) => row.type)).toEqual(["connect_refused"]);
  });
});
