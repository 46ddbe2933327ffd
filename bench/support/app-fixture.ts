// What the page measurements share: a signed-in user with a connected account and a session row, written
// straight into the bench database, and one production build that `next start` can serve against it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openPglite, postgresConfig, postgresRunner } from "../../lib/database/connect";
import type { SqlRunner } from "../../lib/database/migrate";
import { obtainTokens } from "../../tests/support/oidc-client";
import { freePort } from "../../e2e/support/free-port";
import { onCleanup } from "./cleanup";
import { databaseEnv, type BenchDatabase } from "./database";
import { buildApp, startApp, type BuildReport, type RunningApp } from "./next-app";
import { childEnv } from "./processes";
import { startProviders } from "./providers";

export interface AppFixture {
  /** The Cookie header of the seeded session. */
  cookie: string;
  /** Shown by /settings/accounts for the connected account: proof the page rendered signed in. */
  username: string;
  build: BuildReport;
  start(label: string, overrides?: Record<string, string>): Promise<RunningApp>;
}

export async function prepareApp(database: BenchDatabase): Promise<AppFixture> {
  // The settings page only lists providers; tokens are not used, so the default 5-minute lifetime is fine.
  const providers = await startProviders(300, "providers (pages)");
  const username = `bench-pages-${Date.now().toString(36)}`;
  const tokens = await obtainTokens(providers.acme, { username });
  // Loaded now, not at the top: lib/tokens reads AUTH_SECRET when imported, and run.ts sets it first.
  const { seedConnectedUser, seedSession } = await import("../../tests/support/seed");
  const seed = async (sql: SqlRunner) => {
    const { userId } = await seedConnectedUser(sql, { provider: "acme", username, tokens, issuedAtMs: Date.now() });
    return seedSession(sql, userId);
  };

  let sessionToken: string;
  let pgliteDir: string | undefined;
  if (database.mode === "postgres") {
    const client = new pg.Client(postgresConfig(database.url).pool);
    await client.connect();
    try {
      sessionToken = await seed(postgresRunner(client));
    } finally {
      await client.end();
    }
  } else {
    // PGlite is single-process: write the rows, close it, and only then let `next start` open the folder.
    const folder = mkdtempSync(path.join(tmpdir(), "bench-pglite-"));
    onCleanup("pglite folder", () => rmSync(folder, { recursive: true, force: true }));
    pgliteDir = path.join(folder, "db");
    const client = await openPglite(pgliteDir);
    try {
      sessionToken = await seed(client);
    } finally {
      await client.close();
    }
  }

  const port = await freePort();
  const env = { AUTH_URL: `http://localhost:${port}`, ...providers.env, ...databaseEnv(database, pgliteDir) };
  const build = await buildApp(childEnv(env));
  return {
    cookie: `authjs.session-token=${sessionToken}`,
    username,
    build,
    start: (label, overrides = {}) => startApp(port, childEnv({ ...env, ...overrides }), label),
  };
}
