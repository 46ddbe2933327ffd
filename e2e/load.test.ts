// Load (checklist item 27): 20 people with expired tokens, 10 concurrent "Call API" each — 200 in flight —
// against two `next start` processes sharing PostgreSQL. Each account must be refreshed exactly once.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApp, type AppProcess } from "./support/app-server";
import { freePort } from "./support/free-port";
import { accountStates, seedPeopleWithExpiredTokens, type SeededPerson } from "./support/seed";
import { devStats } from "../tests/support/oidc-client";

const appOrigin = inject("appOrigin");
const issuers = inject("issuers");
const databaseUrl = inject("databaseUrl");
const PEOPLE = 20;
const CALLS_EACH = 10;

describe.runIf(databaseUrl)("load: two app processes, one database", () => {
  let second: AppProcess;
  let secondOrigin: string;
  let people: SeededPerson[];

  beforeAll(async () => {
    const port = await freePort();
    secondOrigin = `http://localhost:${port}`;
    // Same build, same database, same secret: a second instance of the deployment.
    second = await startApp(port, { ...inject("appEnv") }, inject("appLogFile"));
    people = await seedPeopleWithExpiredTokens(databaseUrl!, { id: "globex", issuer: issuers.globex }, appOrigin, PEOPLE);
  }, 120_000);
  afterAll(async () => {
    await second?.stop();
  });

  it("refreshes each account exactly once with zero errors", async () => {
    const before = (await devStats(issuers.globex)).token.refresh_token ?? 0;
    const calls = people.flatMap((person) =>
      Array.from({ length: CALLS_EACH }, (_, i) => {
        const origin = i % 2 === 0 ? appOrigin : secondOrigin;
        return fetch(`${origin}/api/connections/${person.accountId}/call`, {
          method: "POST",
          // AUTH_URL pins the app's origin, so both instances expect it in Origin.
          headers: { cookie: person.cookie, origin: appOrigin },
        }).then(async (response) => ({ status: response.status, body: await response.json() }));
      }),
    );
    const results = await Promise.all(calls);
    const failures = results.filter((result) => result.status !== 200);
    expect(failures).toEqual([]);
    expect(results.every((result) => result.body.ok === true && result.body.summary.startsWith("userinfo for load-"))).toBe(true);
    expect(((await devStats(issuers.globex)).token.refresh_token ?? 0) - before).toBe(PEOPLE);
    const states = await accountStates(databaseUrl!, people.map((person) => person.accountId));
    expect(states).toEqual(Array(PEOPLE).fill({ version: 1, status: "active" }));
  }, 120_000);
});
