// Applies prisma/migrations to the database the environment names (PostgreSQL, or the embedded PGlite).
// Run by `npm run dev` and `npm run build`.
import nextEnv from "@next/env";
import pg from "pg";
import { applyMigrations } from "../lib/database/migrate";
import { openPglite, postgresConfig, postgresRunner } from "../lib/database/connect";

export async function migrate(databaseUrl: string | undefined, pgliteDir: string): Promise<string[]> {
  if (!databaseUrl) {
    const client = await openPglite(pgliteDir);
    await client.close();
    return [];
  }
  const { pool, schema } = postgresConfig(databaseUrl);
  const client = new pg.Client(pool);
  await client.connect();
  try {
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    // Two builds migrating one database at once must not both apply the same migration.
    await client.query("SELECT pg_advisory_lock(72616)");
    return await applyMigrations(postgresRunner(client));
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  nextEnv.loadEnvConfig(process.cwd());
  const { parseEnv } = await import("../lib/env");
  try {
    const env = parseEnv(process.env);
    const applied = await migrate(env.DATABASE_URL, env.PGLITE_DATA_DIR);
    console.log(env.DATABASE_URL ? `Database migrated (${applied.length} applied).` : `Embedded database ready in ${env.PGLITE_DATA_DIR}.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
