// The Vercel Cron keep-alive: refreshes connections close to expiry in bounded batches, behind CRON_SECRET.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devStats, obtainTokens } from "./support/oidc-client";
import { startProvidersForTests } from "./support/dev-provider-env";

const CRON_SECRET = "cron-secret-for-tests-0123456789";
let providers: Awaited<ReturnType<typeof startProvidersForTests>>;
let db: typeof import("@/lib/db").db;
let tokenColumns: typeof import("@/lib/tokens/columns").tokenColumns;
let refreshExpiringAccounts: typeof import("@/lib/tokens/keep-alive").refreshExpiringAccounts;
let GET: typeof import("@/app/api/cron/keep-alive/route").GET;

beforeAll(async () => {
  providers = await startProvidersForTests();
  process.env.CRON_SECRET = CRON_SECRET;
  ({ db } = await import("@/lib/db"));
  ({ tokenColumns } = await import("@/lib/tokens/columns"));
  ({ refreshExpiringAccounts } = await import("@/lib/tokens/keep-alive"));
  ({ GET } = await import("@/app/api/cron/keep-alive/route"));
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

describe("keep-alive", () => {
  it("refreshes the accounts expiring soonest, at most a batch, and leaves fresh ones alone", async () => {
    const soon = await Promise.all([account("ka-1", 60), account("ka-2", 120), account("ka-3", 300)]);
    const fresh = await account("ka-fresh", 24 * 3600);
    const before = await refreshCalls();
    expect(await refreshExpiringAccounts(2)).toEqual({ checked: 2, refreshed: 2, failed: 0 });
    expect(await refreshCalls()).toBe(before + 2);
    const version = async (id: string) => (await db.account.findUniqueOrThrow({ where: { id } })).version;
    // The two expiring soonest are refreshed; the third waits for the next run; the fresh one is untouched.
    expect(await Promise.all([...soon, fresh].map((a) => version(a.id)))).toEqual([1, 1, 0, 0]);
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
