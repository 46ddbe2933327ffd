// Opens the database named by the environment: PostgreSQL for a postgres:// URL, otherwise an embedded
// PGlite whose data lives in a folder (or in memory for "memory://"), created and migrated on first use.
// PGlite (20 MB) is imported only when it is used, and next.config.js keeps it out of production traces.
import "server-only";
import { mkdirSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import type { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { attachDatabasePool } from "@vercel/functions/db-connections";
import pg from "pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { applyMigrations, type SqlRunner } from "./migrate";

/**
 * `?schema=name` selects a PostgreSQL schema (tests give each run its own). `max` is per process: with many
 * instances (serverless) keep it small and put a transaction-mode pooler in DATABASE_URL (README, "Pooled
 * PostgreSQL"). Prisma's pg adapter never names a statement; the hot reads do (lib/database/raw-query.ts) and
 * fall back to unnamed ones behind a pooler that cannot keep them.
 */
export function postgresConfig(url: string, max = 5) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error("Invalid environment: DATABASE_URL has an invalid schema name");
  parsed.searchParams.delete("schema");
  const pool: pg.PoolConfig = {
    connectionString: parsed.toString(),
    max,
    connectionTimeoutMillis: 5_000,
    // Also what lets @vercel/functions recognise the pool as node-postgres.
    idleTimeoutMillis: 5_000,
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
  };
  return { pool, schema };
}

export function postgresRunner(client: pg.Client | pg.Pool): SqlRunner {
  return {
    exec: (sql) => client.query(sql),
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
  };
}

const pools = ((globalThis as typeof globalThis & { pgPools?: Map<string, pg.Pool> }).pgPools ??= new Map());

/**
 * One node-postgres pool per database URL and process, shared by Prisma's adapter and queryRows()
 * (lib/database/raw-query.ts), so the hot reads that skip Prisma open no extra connections.
 */
export function postgresPool(url: string, max?: number): pg.Pool {
  const existing = pools.get(url);
  if (existing && !existing.ending && !existing.ended) return existing;
  const pool = new pg.Pool(postgresConfig(url, max).pool);
  // On Vercel (Fluid compute) this closes idle connections before an instance is suspended; elsewhere a no-op.
  attachDatabasePool(pool);
  pools.set(url, pool);
  return pool;
}

export function postgresAdapter(url: string, max?: number) {
  const { schema } = postgresConfig(url, max);
  return new PrismaPg(postgresPool(url, max), { ...(schema ? { schema } : {}), disposeExternalPool: true });
}

export async function openPglite(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const client = new PGlite(dataDir);
  await applyMigrations(client);
  return client;
}

/**
 * The one PGlite of this process (a data folder can only be opened once): Prisma's adapter and raw reads
 * (lib/database/raw-query.ts) share it. On globalThis because Next.js dev reloads modules.
 */
export function pgliteClient(dataDir: string): Promise<PGlite> {
  const clients = ((globalThis as { pgliteClients?: Map<string, Promise<PGlite>> }).pgliteClients ??= new Map());
  let client = clients.get(dataDir);
  if (!client) clients.set(dataDir, (client = openPglite(dataDir)));
  return client;
}

/**
 * PGlite is opened lazily, so importing the client (as `next build` does) never touches the data folder.
 * The cast bridges pglite-prisma-adapter's older @prisma/driver-adapter-utils types; it ignores argTypes,
 * the only part that changed.
 */
export function pgliteAdapter(dataDir: string): SqlDriverAdapterFactory {
  let factory: Promise<PrismaPGlite> | undefined;
  const open = async () => {
    const [client, { PrismaPGlite }] = await Promise.all([pgliteClient(dataDir), import("pglite-prisma-adapter")]);
    return new PrismaPGlite(client);
  };
  const ready = () => (factory ??= open());
  return {
    provider: "postgres",
    adapterName: "pglite",
    connect: async () => (await ready()).connect(),
  } as unknown as SqlDriverAdapterFactory;
}
