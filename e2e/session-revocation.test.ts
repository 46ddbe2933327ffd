// Sign-out is immediate on the running app: after the session row is deleted (as Auth.js's signOut does),
// the very next request with the same cookie is treated as signed out — no session cache anywhere.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { postgresConfig, postgresRunner } from "../lib/database/connect";
import { E2E_AUTH_SECRET } from "./support/global-setup";

const appOrigin = inject("appOrigin");
const databaseUrl = inject("databaseUrl");

async function sql<T>(run: (runner: ReturnType<typeof postgresRunner>) => Promise<T>): Promise<T> {
  const client = new pg.Client(postgresConfig(databaseUrl!).pool);
  await client.connect();
  try {
    return await run(postgresRunner(client));
  } finally {
    await client.end();
  }
}

// Seeding writes into the app's database from outside, which PGlite (one process at a time) does not allow.
describe.runIf(databaseUrl)("signed-out session", () => {
  it("is refused on its very next request", async () => {
    process.env.AUTH_SECRET ??= E2E_AUTH_SECRET;
    const { seedConnectedUser, seedSession } = await import("../tests/support/seed");
    const username = `revoke-${randomBytes(3).toString("hex")}`;
    const token = await sql(async (runner) => {
      const { userId } = await seedConnectedUser(runner, { provider: "acme", username, tokens: {}, issuedAtMs: Date.now() });
      return seedSession(runner, userId);
    });
    const request = () =>
      fetch(`${appOrigin}/settings/accounts`, { headers: { cookie: `authjs.session-token=${token}` }, redirect: "manual" });

    const signedIn = await request();
    expect(signedIn.status).toBe(200);
    expect(await signedIn.text()).toContain('data-testid="current-user"');

    await sql((runner) => runner.query(`DELETE FROM "Session" WHERE "sessionToken" = $1`, [token]));

    const next = await request();
    expect(next.status).toBe(307);
    expect(next.headers.get("location")).toContain("/sign-in");
  });
});
