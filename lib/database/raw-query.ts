// The reads that run on (almost) every request — the session, the token row, the accounts list — go straight
// to node-postgres, without Prisma's query pipeline, which costs about 1–2 ms of CPU per query here
// (docs/performance.md). Embedded PGlite (development) is queried directly too: Prisma's raw path over its
// adapter read timestamptz as local time, off by the machine's UTC offset (tests/list-connections.test.ts).
import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { env } from "@/lib/env";
import { pgliteClient, postgresPool } from "./connect";

/**
 * Rows of one SELECT with $1… parameters. Both paths return timestamptz as Date and int4 as number:
 * select `timestamp` columns (Prisma stores UTC wall time) as `"col" AT TIME ZONE 'UTC'`, never int8.
 */
export async function queryRows<T>(text: string, params: unknown[]): Promise<T[]> {
  if (env.DATABASE_URL) return (await postgresQuery(postgresPool(env.DATABASE_URL, env.DATABASE_POOL_MAX), text, params)).rows as T[];
  return (await (await pgliteClient(env.PGLITE_DATA_DIR)).query<T>(text, params)).rows;
}

// On globalThis, like the pools themselves: Next.js bundles this module more than once per process.
const unnamedPools = ((globalThis as typeof globalThis & { unnamedPgPools?: WeakSet<pg.Pool> }).unnamedPgPools ??= new WeakSet());
const PREPARED_STATEMENT_LOST = new Set(["26000", "42P05"]); // "does not exist", "already exists"

/**
 * Named prepared statements: each connection parses and plans a statement once, then only binds it — 6–7 %
 * more signed-in pages per second (docs/performance.md, step 15). A transaction-mode pooler that cannot keep
 * them (PgBouncer before 1.21, or with max_prepared_statements = 0) hands the next statement to a server
 * connection that lacks it, or has it already: PostgreSQL refuses that before running anything, so the statement
 * is sent again unnamed, and this pool stays unnamed from then on.
 */
export async function postgresQuery(pool: pg.Pool, text: string, values: unknown[]): Promise<pg.QueryResult> {
  if (!unnamedPools.has(pool)) {
    try {
      return await pool.query({ name: statementName(text), text, values });
    } catch (error) {
      if (!PREPARED_STATEMENT_LOST.has((error as { code?: string }).code ?? "")) throw error;
      // Said once per pool, though several statements in flight may all have been refused.
      if (!unnamedPools.has(pool)) console.warn("[database] a prepared statement was not on the server connection (a transaction-mode pooler?): statements are sent unnamed from now on");
      unnamedPools.add(pool);
    }
  }
  return pool.query(text, values);
}

const statementNames = new Map<string, string>();
/** The same text always gets the same name, so a statement found on another connection is this one. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `q_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`));
  return name;
}
