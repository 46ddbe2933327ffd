// The Vercel Cron keep-alive: refreshes connections close to expiry in bounded batches, behind CRON_SECRET.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devStats, introspect, issuerOf, obtainTokens } from "./support/oidc-client";
import { startProvidersForTests } from "./support/dev-provider-env";

const CRON_SECRET = "cron-secret-for-tests-0123456789";
let providers: Awaited<ReturnType<typeof startProvidersForTests>>;
let db: typeof import("@/lib/db").db;
let tokenColumns: typeof import("@/lib/tokens/columns").tokenColumns;
let refreshExpiringAccounts: typeof import("@/lib/tokens/keep-alive").refreshExpiringAccounts;
let GET: typeof import("@/app/api/cron/keep-alive/route").GET;
let encrypt: typeof import("@/lib/tokens/crypto").encrypt;
let listConnections: typeof import("@/lib/accounts/connections").listConnections;

beforeAll(async () => {
  providers = await startProvidersForTests();
  process.env.CRON_SECRET = CRON_SECRET;
  ({ db } = await import("@/lib/db"));
  ({ tokenColumns } = await import("@/lib/tokens/columns"));
  ({ refreshExpiringAccounts } = await import("@/lib/tokens/keep-alive"));
  ({ GET } = await import("@/app/api/cron/keep-alive/route"));
  ({ encrypt } = await import("@/lib/tokens/crypto"));
  ({ listConnections } = await import("@/lib/accounts/connections"));
  await db.account.count(); // opens and migrates the database here, not inside the first test's time limit
});
afterAll(() => providers?.dev.close());

const refreshCalls = async () => (await devStats(providers.acme.issuer)).token.refresh_token ?? 0;

async function account(username: string, expiresInSeconds: number) {
  const tokens = await obtainTokens(providers.acme, { username });
  const user = await db.user.create({ data: { email: `${username}@example.test` } });
  return db.account.create({
    data: {
      userId: user.id, type: "oidc", provider: "acme", providerAccountId: username,
      ...tokenColumns({ ...tokens, expires_at: Math.floor(Date.now() / 1000) + expiresInSeconds }),
    },
  });
}

/** A row that has already failed `failureCount` times; its provider's token endpoint is not reached for real. */
async function failingAccount(provider: string, username: string, failureCount: number, nextRetryInSeconds: number) {
  const user = await db.user.create({ data: { email: `${username}@example.test` } });
  return db.account.create({
    data: {
      userId: user.id, type: "oidc", provider, providerAccountId: username,
      ...tokenColumns({ access_token: `${username}-access`, refresh_token: `${username}-refresh`, expires_at: Math.floor(Date.now() / 1000) - 3600 }),
      failureCount, nextRetryAt: new Date(Date.now() + nextRetryInSeconds * 1000), lastError: "the provider answered HTTP 500",
    },
  });
}

const faults = (issuer: string, init: RequestInit = {}) => fetch(`${issuer}/__dev/faults`, init);

describe("keep-alive", () => {
  it("refreshes the accounts expiring soonest, at most a batch, and leaves fresh ones alone", async () => {
    const soon = await Promise.all([account("ka-1", 60), account("ka-2", 120), account("ka-3", 300)]);
    const fresh = await account("ka-fresh", 24 * 3600);
    const before = await refreshCalls();
    expect(await refreshExpiringAccounts(2)).toEqual({ checked: 2, refreshed: 2, failed: 0, skipped: 0 });
    expect(await refreshCalls()).toBe(before + 2);
    const version = async (id: string) => (await db.account.findUniqueOrThrow({ where: { id } })).version;
    // The two expiring soonest are refreshed; the third waits for the next run; the fresh one is untouched.
    expect(await Promise.all([...soon, fresh].map((a) => version(a.id)))).toEqual([1, 1, 0, 0]);
  });

  it("30 failing rows and 1 due row: the due row is refreshed in the first run; back-off and removed providers are skipped", async () => {
    await db.account.updateMany({ data: { expires_at: Math.floor(Date.now() / 1000) + 24 * 3600 } }); // earlier tests' rows: fresh
    // All of these expired an hour ago, long before the due row: the old "25 soonest" query took only them.
    await faults(providers.globex.issuer, { method: "PUT", body: JSON.stringify({ mode: "500" }) });
    try {
      const retrying = await Promise.all(Array.from({ length: 14 }, (_, i) => failingAccount("globex", `ka-retry-${i}`, 2, -60)));
      const tipping = await failingAccount("globex", "ka-tipping", 4, -60); // its fifth failure in a row
      const backingOff = await Promise.all(Array.from({ length: 13 }, (_, i) => failingAccount("acme", `ka-wait-${i}`, 3, 600)));
      const removed = await Promise.all([failingAccount("gone", "ka-gone-1", 0, -60), failingAccount("gone", "ka-gone-2", 0, -60)]);
      const due = await account("ka-due", 10 * 60);
      const before = await refreshCalls();

      const run = await refreshExpiringAccounts();

      expect((await db.account.findUniqueOrThrow({ where: { id: due.id } })).version).toBe(1);
      expect(await refreshCalls()).toBe(before + 1); // only the due row reached Acme: the back-off rows were skipped
      expect(run).toMatchObject({ refreshed: 1, failed: 15 });
      const rows = (list: { id: string }[]) => db.account.findMany({ where: { id: { in: list.map((a) => a.id) } } });
      for (const row of await rows(retrying)) {
        expect([row.failureCount, row.version, row.nextRetryAt! > new Date()]).toEqual([3, 0, true]);
      }
      for (const row of await rows([...backingOff, ...removed])) expect(row.lastErrorAt).toBeNull();
      // After FAILING_AFTER failures in a row the connection is "failing", shown with its next attempt, and the person is told.
      const [shown] = await listConnections(tipping.userId);
      expect(shown.status).toBe("failing");
      expect(shown.retryAt!.getTime()).toBeGreaterThan(Date.now());
      const told = await db.activityEvent.findMany({ where: { userId: tipping.userId } });
      expect(told.map((event) => event.type)).toEqual(["refresh_failing"]);
      // Stored as a message key, so the activity page shows it in the reader's language.
      const [{ readActivityDetail }, { FAILING_AFTER }] = await Promise.all([import("@/lib/activity"), import("@/lib/tokens/back-off")]);
      expect(readActivityDetail(told[0].detail!)).toMatchObject({ key: "refreshFailing", values: { count: FAILING_AFTER } });
    } finally {
      await faults(providers.globex.issuer, { method: "DELETE" });
    }
  });

  it("purges expired pending links, revoking their tokens at the provider first", async () => {
    const user = await db.user.create({ data: { email: "parked@example.test" } });
    const park = async (username: string, expiresInMs: number, payload?: string) => {
      const tokens = await obtainTokens(providers.acme, { username });
      const account = { type: "oidc", provider: "acme", providerAccountId: username, profile: {}, ...tokens };
      await db.pendingLink.create({
        data: {
          id: `pl-${username}`, userId: user.id, email: "parked@example.test", provider: "acme", providerAccountId: username,
          payload: payload ?? encrypt(JSON.stringify(account), "pending_link"), expiresAt: new Date(Date.now() + expiresInMs),
        },
      });
      return tokens;
    };
    const expired = await park("pl-expired", -1000);
    const live = await park("pl-live", 10 * 60 * 1000);
    await park("pl-unreadable", -1000, "enc:v1:retired-key:aaaa:bbbb:cccccccccccccccccccccc");
    const op = await issuerOf(providers.acme);
    expect((await introspect(op, expired.refresh_token)).active).toBe(true);

    const response = await GET(new Request("http://localhost/api/cron/keep-alive", { headers: { authorization: `Bearer ${CRON_SECRET}` } }));
    expect((await response.json()).pendingLinks).toEqual({ purged: 2, revoked: 1 });

    expect((await db.pendingLink.findMany({ where: { userId: user.id } })).map((link) => link.id)).toEqual(["pl-pl-live"]);
    expect((await introspect(op, expired.refresh_token)).active).toBe(false);
    expect((await introspect(op, live.refresh_token)).active).toBe(true);
    const events = await db.activityEvent.findMany({ where: { userId: user.id } });
    expect(events.map((event) => event.type)).toEqual(["revocation_impossible"]);
  });

  it("answers only Vercel Cron's bearer secret", async () => {
    const call = (authorization?: string) =>
      GET(new Request("http://localhost/api/cron/keep-alive", { headers: authorization ? { authorization } : {} }));
    expect((await call()).status).toBe(401);
    expect((await call(`Bearer ${CRON_SECRET}x`)).status).toBe(401);
    const ok = await call(`Bearer ${CRON_SECRET}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ failed: 0 });
  });
});
