// Applies prisma/migrations to the database the environment names (PostgreSQL, or the embedded PGlite).
// Run by `npm run dev` and `npm run build`.
// On PostgreSQL it uses DIRECT_DATABASE_URL when set: migrations need a session, which a transaction-mode
// pooler (the usual DATABASE_URL on serverless) does not give.
import nextEnv from "@next/env";
import { openPglite } from "../lib/database/connect";
import { migratePostgres } from "../lib/database/migrate-postgres";

export async function migrate(databaseUrl: string | undefined, pgliteDir: string): Promise<string[]> {
  if (!databaseUrl) {
    const client = await openPglite(pgliteDir);
    await client.close();
    return [];
  }
  return migratePostgres(databaseUrl);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  nextEnv.loadEnvConfig(process.cwd());
  const { parseEnv } = await import("../lib/env");
  try {
    const env = parseEnv(process.env);
    const applied = await migrate(env.DIRECT_DATABASE_URL ?? env.DATABASE_URL, env.PGLITE_DATA_DIR);
    console.log(env.DATABASE_URL ? `Database migrated (${applied.length} applied).` : `Embedded database ready in ${env.PGLITE_DATA_DIR}.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
