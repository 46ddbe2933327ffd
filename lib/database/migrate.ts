// Applies prisma/migrations/*/migration.sql in order and records them in Prisma's own `_prisma_migrations`
// table, so `prisma migrate status` agrees. Used for both PGlite and PostgreSQL. `prisma migrate deploy` is not
// used: with Prisma 6.19's JavaScript engine and the pg adapter it stops on PostgreSQL with "Column type 'name'
// could not be deserialized from the database" (tried 2026-11-30), and it takes ~25 s to start.
//
// Crash safety: each migration and its record commit in one transaction, so a crash or an error half-way leaves
// the database as it was and the next deploy retries that migration. An applied migration whose file changed
// stops the deploy (editing history silently diverges databases); add a new migration instead.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The smallest SQL surface both PGlite and node-postgres offer. */
export interface SqlRunner {
  exec(sql: string): Promise<unknown>;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Migration {
  name: string;
  sql: string;
}

// Spelled out in full so Next's file tracing ships just this folder.
const defaultDir = () => path.join(process.cwd(), "prisma", "migrations");

export function listMigrations(dir = defaultDir()): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A checkout with CRLF line endings (Windows) is the same migration, not an edited one. */
function sameMigration(recorded: string, sql: string) {
  return recorded === sha256(sql) || recorded === sha256(sql.replace(/\r\n/g, "\n"));
}

export async function applyMigrations(db: SqlRunner, dir = defaultDir()): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  const { rows } = await db.query<{ migration_name: string; checksum: string }>(
    `SELECT "migration_name", "checksum" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
  );
  const recorded = new Map(rows.map((row) => [row.migration_name, row.checksum]));
  const migrations = listMigrations(dir);
  // Checked before anything runs: a changed history must not be half-applied.
  for (const migration of migrations) {
    const checksum = recorded.get(migration.name);
    if (checksum !== undefined && !sameMigration(checksum, migration.sql)) {
      throw new Error(
        `Migration ${migration.name} was changed after it was applied (checksum differs). ` +
          "Restore its migration.sql and put the change in a new migration.",
      );
    }
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    if (recorded.has(migration.name)) continue;
    await db.exec("BEGIN");
    try {
      await db.exec(migration.sql);
      await db.query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count")
         VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), sha256(migration.sql), migration.name],
      );
      await db.exec("COMMIT");
    } catch (error) {
      await db.exec("ROLLBACK").catch(() => {});
      throw new Error(`Migration ${migration.name} failed and was rolled back: ${error instanceof Error ? error.message : error}`);
    }
    applied.push(migration.name);
  }
  return applied;
}
