// Many instances, one transaction-mode pooler (issue 14): six `next start` processes reach PostgreSQL only
// through PgBouncer; 200 concurrent signed-in requests succeed, PostgreSQL never sees more connections than the
// pooler's pool, and each expired token is still refreshed exactly once across instances (the refresh lease is
// a row, not a session lock, so it works through the pooler).
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { devStats } from "../tests/support/oidc-client";
import { startApp, type AppProcess } from "./support/app-server";
import { freePort } from "./support/free-port";
import { PGBOUNCER, startPgBouncer, type Pooler } from "./support/pgbouncer";
import { accountStates, seedPeopleWithExpiredTokens, type SeededPerson } from "./support/seed";

const appOrigin = inject("appOrigin");
const issuers = inject("issuers");
const databaseUrl = inject("databaseUrl");
const INSTANCES = 6;
const POOL_SIZE = 8;
// Per instance, enough for every request it gets (240 client connections in all; PgBouncer's are cheap), so
// requests queue in PgBouncer (no timeout there) rather than in each instance's pool, whose 5 s wait limit is
// meant for an unreachable database.
const INSTANCE_POOL = "40";
const PEOPLE = 20;
const REQUESTS_EACH = 10;

// Runs with TEST_DATABASE_URL (PostgreSQL) wherever Debian's pgbouncer is installed; .ci/run installs it.
const poolerRun = Boolean(databaseUrl && existsSync(PGBOUNCER));

describe.skipIf(!poolerRun)("pooled PostgreSQL: 6 instances through PgBouncer", () => {
  let pooler: Pooler;
  let apps: AppProcess[] = [];
  let origins: string[] = [];
  let people: SeededPerson[];

  beforeAll(async () => {
    pooler = await startPgBouncer(databaseUrl!, POOL_SIZE);
    const ports = await Promise.all(Array.from({ length: INSTANCES }, () => freePort()));
    origins = ports.map((port) => `http://localhost:${port}`);
    // Same build and secret as the main app, DATABASE_URL through the pooler.
    apps = await Promise.all(
      ports.map((port) => startApp(port, { ...inject("appEnv"), DATABASE_URL: pooler.url, DATABASE_POOL_MAX: INSTANCE_POOL }, inject("appLogFile"))),
    );
    people = await seedPeopleWithExpiredTokens(databaseUrl!, { id: "acme", issuer: issuers.acme }, appOrigin, PEOPLE);
    // One signed-in page per instance first: the burst below measures pooling, not six cold starts at once.
    const [warm] = await seedPeopleWithExpiredTokens(databaseUrl!, { id: "globex", issuer: issuers.globex }, appOrigin, 1);
    for (const origin of origins) await fetch(`${origin}/settings/accounts`, { headers: { cookie: warm.cookie } }).then((r) => r.text());
  }, 240_000);
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await pooler?.stop();
  });

  it("serves 200 concurrent signed-in requests with 0 errors, within the pool, refreshing each token once", async () => {
    const before = (await devStats(issuers.acme)).token.refresh_token ?? 0;
    let peak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) peak = Math.max(peak, await pooler.serverConnections());
    })();
    const requests = people.flatMap((person, p) =>
      Array.from({ length: REQUESTS_EACH }, (_, i) => {
        const origin = origins[(p + i) % INSTANCES];
        // Half call the provider (refresh on the first), half render the settings page.
        const request =
          i % 2 === 0
            ? fetch(`${origin}/api/connections/${person.accountId}/call`, { method: "POST", headers: { cookie: person.cookie, origin: appOrigin } })
            : fetch(`${origin}/settings/accounts`, { headers: { cookie: person.cookie }, redirect: "manual" });
        return request.then(async (response) => ({ url: response.url, status: response.status, text: await response.text() }));
      }),
    );
    const results = await Promise.all(requests);
    sampling = false;
    await sampler;
    peak = Math.max(peak, await pooler.serverConnections());
    console.log(`pooler: ${results.length} requests, peak ${peak} server connections (pool ${POOL_SIZE})`);

    expect(results.filter((result) => result.status !== 200).map(({ url, status, text }) => ({ url, status, text: text.slice(0, 200) }))).toEqual([]);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(POOL_SIZE);
    expect(((await devStats(issuers.acme)).token.refresh_token ?? 0) - before).toBe(PEOPLE);
    const states = await accountStates(databaseUrl!, people.map((person) => person.accountId));
    expect(states).toEqual(Array(PEOPLE).fill({ version: 1, status: "active" }));
    const logs = apps.flatMap((app) => app.logs).join("");
    expect(logs).not.toMatch(/PrismaClient.*Error|Error: /);
    // PgBouncer 1.18 keeps no prepared statements: each instance falls back to unnamed ones, and says so once.
    for (const app of apps) expect(app.logs.join("").match(/statements are sent unnamed/g)?.length ?? 0).toBeLessThanOrEqual(1);
  }, 180_000);
});
