// The reads that run on (almost) every request — the session, the token row — go straight to node-postgres:
// one unnamed parameterized statement (fine behind PgBouncer in transaction mode: no named prepared
// statements), without Prisma's query pipeline, which costs about 1–2 ms of CPU per query here
// (docs/performance.md). Embedded PGlite (development) goes through Prisma's raw query instead.
import "server-only";
import { env } from "@/lib/env";
import { postgresPool } from "./connect";

/**
 * Rows of one SELECT with $1… parameters. Both paths return timestamptz as Date and int4 as number:
 * select `timestamp` columns (Prisma stores UTC wall time) as `"col" AT TIME ZONE 'UTC'`, never int8.
 */
export async function queryRows<T>(text: string, params: unknown[]): Promise<T[]> {
  if (env.DATABASE_URL) return (await postgresPool(env.DATABASE_URL, env.DATABASE_POOL_MAX).query(text, params)).rows as T[];
  // Loaded on first use only: production runs on PostgreSQL and never needs the Prisma client for these reads.
  const { db } = await import("@/lib/db");
  return db.$queryRawUnsafe<T[]>(text, ...params);
}
