// disconnectAccount (lib/accounts/disconnect.ts): only the person's own accounts, never the last way
// to sign in, tokens revoked at the provider first. Accounts hold real tokens from a local
// development provider (Acme); the provider's /__dev/stats counters and its token and
// introspection endpoints show what really happened there. Globex points at a port where nothing
// listens, so revoking a Globex account fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevProviders } from "../dev-providers/index.mjs";
import { freePort } from "../e2e/support/free-port";
import { APP_ORIGIN, devStats, introspect, issuerOf, obtainTokens, tokenRequest, type Issuer, type Tokens } from "./support/oidc-client";
import { changes, snapshot } from "./support/snapshot";

let dev: Awaited<ReturnType<typeof startDevProviders>>;
let acme: { id: string; issuer: string };
let acmeOp: Issuer;
let disconnectAccount: typeof import("@/lib/accounts/disconnect").disconnectAccount;
let db: typeof import("@/lib/db").db;
let tokenColumns: typeof import("@/lib/tokens/columns").tokenColumns;

beforeAll(async () => {
  dev = await startDevProviders({ appOrigin: APP_ORIGIN, ports: { acme: 0, globex: 0 } });
  acme = dev.providers[0];
  acmeOp = await issuerOf(acme);
  // lib/env parses process.env when first imported, so the app modules come after this.
  process.env.AUTH_DEV_PROVIDERS = "1";
  process.env.DEV_ACME_ISSUER = acme.issuer;
  // A port bound, then released: nothing listens there.
  process.env.DEV_GLOBEX_ISSUER = `http://localhost:${await freePort()}`;
  ({ disconnectAccount } = await import("@/lib/accounts/disconnect"));
  ({ db } = await import("@/lib/db"));
  ({ tokenColumns } = await import("@/lib/tokens/columns"));
  const { findProvider } = await import("@/lib/providers");
  expect(findProvider("acme")?.issuer).toBe(acme.issuer);
  expect(findProvider("globex")?.issuer).toBe(process.env.DEV_GLOBEX_ISSUER);
});
afterAll(() => dev?.close());

let users = 0;
const newUser = () => db.user.create({ data: { email: `person${++users}@example.test` } });

/** Signs `username` in at Acme for real and stores the account the way the Auth.js adapter does. */
async function connectAcme(userId: string, username: string) {
  const tokens = await obtainTokens(acme, { username });
  const { claims, ...set } = tokens;
  const account = await db.account.create({
    data: { userId, type: "oidc", provider: "acme", providerAccountId: String(claims.sub), ...tokenColumns(set), version: 1 },
  });
  return { account, tokens };
}

const addPasskey = (userId: string, credentialID: string) =>
  db.authenticator.create({
    data: {
      userId, credentialID, providerAccountId: credentialID, credentialPublicKey: "pk", counter: 0,
      credentialDeviceType: "singleDevice", credentialBackedUp: false,
    },
  });

const isLive = async (tokens: Tokens) => (await introspect(acmeOp, tokens.refresh_token)).active === true;

describe("disconnectAccount", () => {
  it("revokes at the provider (exactly one revocation), then deletes the row and records account_disconnected", async () => {
    const user = await newUser();
    await addPasskey(user.id, "cred-revoke"); // another way to sign in
    const { account, tokens } = await connectAcme(user.id, "ann");
    expect(await isLive(tokens)).toBe(true);
    const statsBefore = await devStats(acme.issuer);
    const before = await snapshot(db);

    const result = await disconnectAccount(user.id, account.id);

    expect(result).toEqual({ ok: true, provider: "acme", revocation: { status: "revoked" } });
    expect(await devStats(acme.issuer)).toEqual({ ...statsBefore, revocations: statsBefore.revocations + 1 });
    expect(changes(before, await snapshot(db))).toEqual({
      accounts: { added: [], removed: [expect.objectContaining({ id: account.id })], changed: [] },
      activity: { added: [expect.objectContaining({ userId: user.id, type: "account_disconnected", provider: "acme" })], removed: [], changed: [] },
    });
    // The provider no longer honours the refresh token.
    expect(await isLive(tokens)).toBe(false);
    const refresh = await tokenRequest(acmeOp, { grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refresh).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("answers not-found for another user's account (or an unknown id) and changes nothing, here or at the provider", async () => {
    const victim = await newUser();
    await addPasskey(victim.id, "cred-victim");
    const { account, tokens } = await connectAcme(victim.id, "bea");
    const attacker = await newUser();
    await addPasskey(attacker.id, "cred-attacker");
    await connectAcme(attacker.id, "bea.attacker");
    const statsBefore = await devStats(acme.issuer);
    const before = await snapshot(db);

    expect(await disconnectAccount(attacker.id, account.id)).toEqual({ ok: false, error: "not-found" });
    expect(await disconnectAccount(attacker.id, "no-such-account")).toEqual({ ok: false, error: "not-found" });

    expect(changes(before, await snapshot(db))).toEqual({}); // the victim's row and its ciphertexts are intact
    expect(await devStats(acme.issuer)).toEqual(statsBefore); // zero revocations
    expect(await isLive(tokens)).toBe(true);
  });

  it("refuses to remove the last way to sign in and changes nothing", async () => {
    const user = await newUser();
    const { account, tokens } = await connectAcme(user.id, "cleo");
    const statsBefore = await devStats(acme.issuer);
    const before = await snapshot(db);

    expect(await disconnectAccount(user.id, account.id)).toEqual({ ok: false, error: "last-method" });

    expect(changes(before, await snapshot(db))).toEqual({});
    expect(await devStats(acme.issuer)).toEqual(statsBefore);
    expect(await isLive(tokens)).toBe(true);
  });

  it("still deletes the row when revocation fails (issuer down), and records revocation_failed", async () => {
    const user = await newUser();
    const { account: kept } = await connectAcme(user.id, "dora");
    const dead = await db.account.create({
      data: {
        userId: user.id, type: "oidc", provider: "globex", providerAccountId: "dora",
        ...tokenColumns({ access_token: "globex-access", refresh_token: "globex-refresh", expires_at: 2_000_000_000 }),
      },
    });
    const statsBefore = await devStats(acme.issuer);
    const before = await snapshot(db);

    const result = await disconnectAccount(user.id, dead.id);

    expect(result).toEqual({ ok: true, provider: "globex", revocation: { status: "failed", error: expect.any(String) } });
    const diff = changes(before, await snapshot(db));
    expect(diff).toEqual({
      accounts: { added: [], removed: [expect.objectContaining({ id: dead.id })], changed: [] },
      activity: { added: expect.any(Array), removed: [], changed: [] },
    });
    expect(diff.activity!.added).toHaveLength(2);
    expect(diff.activity!.added).toEqual(expect.arrayContaining([
      expect.objectContaining({ userId: user.id, type: "revocation_failed", provider: "globex", detail: expect.stringMatching(/\S/) }),
      expect.objectContaining({ userId: user.id, type: "account_disconnected", provider: "globex" }),
    ]));
    expect(await db.account.findUnique({ where: { id: kept.id } })).not.toBeNull();
    expect(await devStats(acme.issuer)).toEqual(statsBefore);
  });

  it("a token whose key is gone: Disconnect still removes the row and records revocation as impossible", async () => {
    const user = await newUser();
    await addPasskey(user.id, "cred-lost-key");
    const { encrypt } = await import("@/lib/tokens/crypto");
    const { parseKeyRing } = await import("@/lib/tokens/keys");
    const retired = parseKeyRing(`retired:${Buffer.alloc(32, 9).toString("base64")}`, "unused");
    const lost = await db.account.create({
      data: {
        userId: user.id, type: "oidc", provider: "acme", providerAccountId: "lost-key",
        access_token: encrypt("a", "access_token", retired), refresh_token: encrypt("r", "refresh_token", retired),
      },
    });
    const statsBefore = await devStats(acme.issuer);

    const result = await disconnectAccount(user.id, lost.id);

    expect(result).toEqual({ ok: true, provider: "acme", revocation: { status: "impossible", error: expect.stringContaining("cannot be decrypted") } });
    expect(await db.account.findUnique({ where: { id: lost.id } })).toBeNull();
    const events = await db.activityEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.type).sort()).toEqual(["account_disconnected", "revocation_impossible"]);
    expect(await devStats(acme.issuer)).toEqual(statsBefore); // nothing was sent
  });

  // On PGlite (one connection) transactions run one at a time anyway; on PostgreSQL
  // (TEST_DATABASE_URL) this also proves the row lock: without it both disconnects succeed.
  it("of two concurrent disconnects of a user's only two accounts, exactly one succeeds", async () => {
    for (let round = 1; round <= 3; round++) {
      const user = await newUser();
      const first = await connectAcme(user.id, `eve${round}.a`);
      const second = await connectAcme(user.id, `eve${round}.b`);

      const results = await Promise.all([disconnectAccount(user.id, first.account.id), disconnectAccount(user.id, second.account.id)]);

      expect(results.filter((r) => r.ok), `round ${round}`).toHaveLength(1);
      expect(results.filter((r) => !r.ok), `round ${round}`).toEqual([{ ok: false, error: "last-method" }]);
      const left = await db.account.findMany({ where: { userId: user.id } });
      expect(left, `round ${round}`).toHaveLength(1);
      expect(await db.activityEvent.count({ where: { userId: user.id, type: "account_disconnected" } })).toBe(1);
      // The survivor's status tells the truth: "revoked" if the loser revoked its tokens before losing.
      const survivor = left[0].id === first.account.id ? first : second;
      expect(left[0].status, `round ${round}`).toBe((await isLive(survivor.tokens)) ? "active" : "revoked");
      const removed = survivor === first ? second : first;
      expect(await isLive(removed.tokens), `round ${round}`).toBe(false);
    }
  });
});
