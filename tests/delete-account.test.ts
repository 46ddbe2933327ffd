// deleteAccount (lib/accounts/delete-account.ts): the typed email must match (or, for an account without an
// email, the word DELETE); every connection is revoked
// at its provider first (the local Acme provider's counters and introspection show it); then no row of the
// user is left in any table, except an "account_deleted" event without personal data. Globex points at a
// port where nothing listens, so its revocation fails and is reported.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevProviders } from "../dev-providers/index.mjs";
import { freePort } from "../e2e/support/free-port";
import { APP_ORIGIN, devStats, introspect, issuerOf, obtainTokens, type Issuer } from "./support/oidc-client";
import { changes, snapshot } from "./support/snapshot";

let dev: Awaited<ReturnType<typeof startDevProviders>>;
let acme: { id: string; issuer: string };
let acmeOp: Issuer;
let deleteAccount: typeof import("@/lib/accounts/delete-account").deleteAccount;
let db: typeof import("@/lib/db").db;
let tokenColumns: typeof import("@/lib/tokens/columns").tokenColumns;
let rateLimitKey: typeof import("@/lib/rate-limit").rateLimitKey;

beforeAll(async () => {
  dev = await startDevProviders({ appOrigin: APP_ORIGIN, ports: { acme: 0, globex: 0 } });
  acme = dev.providers[0];
  acmeOp = await issuerOf(acme);
  process.env.AUTH_DEV_PROVIDERS = "1";
  process.env.DEV_ACME_ISSUER = acme.issuer;
  // A port bound, then released: nothing listens there.
  process.env.DEV_GLOBEX_ISSUER = `http://localhost:${await freePort()}`;
  ({ deleteAccount } = await import("@/lib/accounts/delete-account"));
  ({ db } = await import("@/lib/db"));
  ({ tokenColumns } = await import("@/lib/tokens/columns"));
  ({ rateLimitKey } = await import("@/lib/rate-limit"));
  await db.$queryRaw`SELECT 1`;
});
afterAll(() => dev?.close());

/** Every row, in every table with a userId column (plus User and RateLimit), that still names this user. */
async function rowsOf(userId: string) {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text AS table_name FROM information_schema.columns WHERE column_name = 'userId' AND table_schema = current_schema()`;
  const found: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table_name}" WHERE "userId" = $1`, userId);
    if (n > 0) found[table_name] = n;
  }
  const [{ users }] = await db.$queryRaw<{ users: number }[]>`SELECT count(*)::int AS users FROM "User" WHERE id = ${userId}`;
  const [{ limits }] = await db.$queryRaw<{ limits: number }[]>`SELECT count(*)::int AS limits FROM "RateLimit" WHERE key LIKE ${"%" + userId}`;
  if (users) found.User = users;
  if (limits) found.RateLimit = limits;
  return found;
}

async function personWithEverything(email: string, username: string) {
  const user = await db.user.create({ data: { email, name: "Eve Example" } });
  const tokens = await obtainTokens(acme, { username });
  const { claims, ...set } = tokens;
  await db.account.create({ data: { userId: user.id, type: "oidc", provider: "acme", providerAccountId: String(claims.sub), ...tokenColumns(set), version: 1 } });
  await db.account.create({
    data: {
      userId: user.id, type: "oidc", provider: "globex", providerAccountId: `${username}-globex`,
      ...tokenColumns({ access_token: "globex-access", refresh_token: "globex-refresh", expires_at: 2_000_000_000 }),
    },
  });
  await db.account.create({ data: { userId: user.id, type: "webauthn", provider: "passkey", providerAccountId: `${username}-credential` } });
  await db.authenticator.create({
    data: {
      userId: user.id, credentialID: `${username}-credential`, providerAccountId: `${username}-credential`, credentialPublicKey: "pk",
      counter: 0, credentialDeviceType: "singleDevice", credentialBackedUp: false,
    },
  });
  await db.session.create({ data: { sessionToken: `${username}-session`, userId: user.id, expires: new Date(Date.now() + 60_000) } });
  await db.activityEvent.create({ data: { userId: user.id, type: "signed_in", provider: "acme" } });
  await db.pendingLink.create({
    data: { id: `${username}-pending`, userId: user.id, provider: "globex", providerAccountId: "x", payload: "enc", email, expiresAt: new Date(Date.now() + 60_000) },
  });
  await db.rateLimit.create({ data: { key: rateLimitKey("call-api", user.id), count: 1, resetAt: new Date(Date.now() + 60_000) } });
  return { user, tokens };
}

describe("deleteAccount", () => {
  it("refuses a wrong email and changes nothing, here or at the provider", async () => {
    const { user, tokens } = await personWithEverything("wrong@example.test", "wrong");
    const stats = await devStats(acme.issuer);
    const before = await snapshot(db);
    expect(await deleteAccount(user.id, "someone-else@example.test")).toEqual({ ok: false, error: "email-mismatch" });
    expect(await deleteAccount(user.id, "")).toEqual({ ok: false, error: "email-mismatch" });
    // The word is only for accounts without an email: it never stands in for one.
    expect(await deleteAccount(user.id, "DELETE")).toEqual({ ok: false, error: "email-mismatch" });
    expect(changes(before, await snapshot(db))).toEqual({});
    expect(await devStats(acme.issuer)).toEqual(stats);
    expect((await introspect(acmeOp, tokens.refresh_token)).active).toBe(true);
  });

  it("revokes at every provider first, reports the failed one, and leaves no row of the user anywhere", async () => {
    const { user, tokens } = await personWithEverything("eve@example.test", "eve");
    const bystander = await personWithEverything("bystander@example.test", "bystander");
    const stats = await devStats(acme.issuer);

    // The email is matched without regard to case or surrounding spaces.
    const result = await deleteAccount(user.id, "  EVE@example.test ");

    expect(result).toEqual({ ok: true, failedRevocations: ["globex"] });
    expect((await devStats(acme.issuer)).revocations - stats.revocations).toBe(1);
    expect((await introspect(acmeOp, tokens.refresh_token)).active).toBe(false);
    expect(await rowsOf(user.id)).toEqual({});
    // The operator keeps a record without personal data.
    const [event] = await db.activityEvent.findMany({ where: { type: "account_deleted" } });
    expect(event).toMatchObject({ userId: null, provider: null, detail: "2 connections, 1 revoked, failed: globex" });
    expect(JSON.stringify(event)).not.toMatch(/eve|Eve/);
    // Nobody else lost anything.
    expect(await rowsOf(bystander.user.id)).toEqual({ Account: 3, ActivityEvent: 1, Authenticator: 1, PendingLink: 1, Session: 1, User: 1, RateLimit: 1 });
  });

  it("asks an account without an email for the word DELETE instead", async () => {
    const { user } = await personWithEverything("nomail@example.test", "nomail");
    await db.user.update({ where: { id: user.id }, data: { email: null } });
    const before = await snapshot(db);
    expect(await deleteAccount(user.id, "")).toEqual({ ok: false, error: "word-mismatch" });
    expect(await deleteAccount(user.id, "delete it")).toEqual({ ok: false, error: "word-mismatch" });
    expect(changes(before, await snapshot(db))).toEqual({});

    expect(await deleteAccount(user.id, " delete ")).toEqual({ ok: true, failedRevocations: ["globex"] });
    expect(await rowsOf(user.id)).toEqual({});
  });
});
