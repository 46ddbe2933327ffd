// 3. Database statements per page render, counted on the wire: `next start` talks to PostgreSQL through
// a proxy (support/pg-proxy.ts) that counts every Query and Execute message.
// Goal for the signed-in settings page: two — the session and the accounts.
import type { AppFixture } from "./support/app-fixture";
import type { BenchDatabase } from "./support/database";
import { get, keepAliveAgent } from "./support/http";
import { startPgProxy } from "./support/pg-proxy";
import { pageTargets } from "./pages";

export const WARMUP = 10;
export const REQUESTS = 50;

export interface QueryRow {
  label: string;
  perRequest: number;
  byLabel: Array<{ statement: string; perRequest: number }>;
}

export type QueriesResult = { rows: QueryRow[] } | { skipped: string };

export async function measureQueries(fixture: AppFixture, database: BenchDatabase, log: (line: string) => void): Promise<QueriesResult> {
  if (database.mode !== "postgres") return { skipped: "needs PostgreSQL (PGlite runs inside the app process, there is no wire to count on)" };
  const server = new URL(database.serverUrl);
  const proxy = await startPgProxy({ host: server.hostname, port: Number(server.port || 5432) });
  const proxied = new URL(database.url);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  const app = await fixture.start("next start (queries)", { DATABASE_URL: proxied.toString() });
  const agent = keepAliveAgent(1);
  try {
    // The root layout's header calls auth() on every page: /about with a session cookie shows its cost.
    const { signedOutAbout, signedInAbout, settings } = pageTargets(app.origin, fixture);
    const rows: QueryRow[] = [];
    for (const target of [settings, signedOutAbout, signedInAbout]) {
      for (let index = 0; index < WARMUP; index++) await get(target, agent, false);
      await settle();
      proxy.reset();
      for (let index = 0; index < REQUESTS; index++) {
        const { status } = await get(target, agent, false);
        if (status !== 200) throw new Error(`${target.label} answered HTTP ${status}`);
      }
      await settle();
      const counts = proxy.snapshot();
      rows.push({
        label: target.label,
        perRequest: counts.statements / REQUESTS,
        byLabel: [...counts.byLabel].map(([statement, count]) => ({ statement, perRequest: count / REQUESTS })),
      });
      log(`  ${target.label.padEnd(32)} ${(counts.statements / REQUESTS).toFixed(2)} statements per request`);
    }
    return { rows };
  } finally {
    agent.destroy();
    await app.stop();
    await proxy.close();
  }
}

/** Statements a render issues after its response was sent (none expected) still land in its count. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));
