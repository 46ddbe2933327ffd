// Migrates a PostgreSQL database (or one schema of it, `?schema=`). Connects directly, never through a
// transaction-mode pooler: the advisory lock below belongs to a session (use DIRECT_DATABASE_URL there).
import "server-only";
import pg from "pg";
import { postgresConfig, postgresRunner } from "./connect";
import { applyMigrations } from "./migrate";

// Any fixed number: every deploy of this app takes the same lock.
const MIGRATION_LOCK = 72616;

export async function migratePostgres(url: string, dir?: string): Promise<string[]> {
  const { pool, schema } = postgresConfig(url);
  const client = new pg.Client(pool);
  await client.connect();
  try {
    // The lock comes first: two deploys creating the same schema at once would otherwise race.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    return await applyMigrations(postgresRunner(client), dir);
  } finally {
    // Ending the session releases the lock, also when a migration failed.
    await client.end();
  }
}
