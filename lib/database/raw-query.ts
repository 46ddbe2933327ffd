// The reads that run on (almost) every request — the session, the token row — go straight to node-postgres:
// one unnamed parameterized statement (fine behind PgBouncer in transaction mode: no named prepared
// statements), without Prisma's query pipeline, which costs about 1–2 ms of CPU per query here
// (docs/performance.md). Embedded PGlite (development) is queried directly too: Prisma's raw path over its
// adapter read timestamptz as local time, off by the machine's UTC offset (tests/list-connections.test.ts).
import "server-only";
import { env } from "@/lib/env";
import { pgliteClient, postgresPool } from "./connect";

/**
 * Rows of one SELECT with $1… parameters. Both paths return timestamptz as Date and int4 as number:
 * select `timestamp` columns (Prisma stores UTC wall time) as `"col" AT TIME ZONE 'UTC'`, never int8.
 */
export async function queryRows<T>(text: string, params: unknown[]): Promise<T[]> {
  if (env.DATABASE_URL) return (await postgresPool(env.DATABASE_URL, env.DATABASE_POOL_MAX).query(text, params)).rows as T[];
  return (await (await pgliteClient(env.PGLITE_DATA_DIR)).query<T>(text, params)).rows;
}
