// The migration runner on the test's database engine (PGlite, or PostgreSQL with TEST_DATABASE_URL):
// a migration that fails half-way changes nothing and is retried by the next deploy; an edited applied migration
// stops the deploy; concurrent deploys apply each migration once.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { postgresConfig } from "@/lib/database/connect";
import { applyMigrations, type SqlRunner } from "@/lib/database/migrate";
import { migratePostgres } from "@/lib/database/migrate-postgres";

const serverUrl = process.env.TEST_DATABASE_URL;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

function migrationsDir(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  write(dir, files);
  return dir;
}
function write(dir: string, files: Record<string, string>) {
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name), { recursive: true });
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
}

/** Deploys `dir` to a fresh database of the engine under test; `deploy` can be called again. */
async function freshDatabase() {
  if (serverUrl) {
    const schema = `migrations_${randomBytes(6).toString("hex")}`;
    const url = new URL(serverUrl);
    url.searchParams.set("schema", schema);
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    cleanups.push(async () => (await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`), await admin.end()));
    const query = async <T>(sql: string) => (await admin.query(`SET search_path TO "${schema}"; ${sql}`) as unknown as pg.QueryResult[])[1].rows as T[];
    return { deploy: (dir: string) => migratePostgres(url.toString(), dir), query, url: url.toString() };
  }
  const client = new PGlite();
  cleanups.push(() => client.close());
  const runner: SqlRunner = { exec: (sql) => client.exec(sql), query: (sql, params) => client.query(sql, params) };
  return { deploy: (dir: string) => applyMigrations(runner, dir), query: async <T>(sql: string) => (await client.query<T>(sql)).rows, url: null };
}

const tables = (db: Awaited<ReturnType<typeof freshDatabase>>) =>
  db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
  ).then((rows) => rows.map((row) => row.table_name));
const recorded = (db: Awaited<ReturnType<typeof freshDatabase>>) =>
  db.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`)
    .then((rows) => rows.map((row) => row.migration_name));

// Each test opens its own PGlite (seconds on a busy machine).
describe("migration runner", { timeout: 120_000 }, () => {
  it("rolls back a migration that fails half-way, records nothing for it, and retries it on the next deploy", async () => {
    const db = await freshDatabase();
    const dir = migrationsDir({
      "001_first": `CREATE TABLE "first" ("id" INT PRIMARY KEY);`,
      // The table is created, then the second statement fails: nothing of this migration may remain.
      "002_second": `CREATE TABLE "second" ("id" INT PRIMARY KEY);\nINSERT INTO "missing_table" VALUES (1);`,
    });
    await expect(db.deploy(dir)).rejects.toThrow(/Migration 002_second failed and was rolled back: .*missing_table/);
    expect(await tables(db)).toEqual(["_prisma_migrations", "first"]);
    expect(await recorded(db)).toEqual(["001_first"]);

    write(dir, { "002_second": `CREATE TABLE "second" ("id" INT PRIMARY KEY);` });
    expect(await db.deploy(dir)).toEqual(["002_second"]);
    expect(await tables(db)).toEqual(["_prisma_migrations", "first", "second"]);
    expect(await recorded(db)).toEqual(["001_first", "002_second"]);
    expect(await db.deploy(dir)).toEqual([]);
  });

  it("refuses an applied migration whose file changed, naming it, and applies nothing", async () => {
    const db = await freshDatabase();
    const dir = migrationsDir({ "001_first": `CREATE TABLE "first" ("id" INT PRIMARY KEY);` });
    await db.deploy(dir);
    write(dir, {
      "001_first": `CREATE TABLE "first" ("id" BIGINT PRIMARY KEY);`,
      "002_second": `CREATE TABLE "second" ("id" INT PRIMARY KEY);`,
    });
    await expect(db.deploy(dir)).rejects.toThrow(
      "Migration 001_first was changed after it was applied (checksum differs). Restore its migration.sql and put the change in a new migration.",
    );
    expect(await tables(db)).toEqual(["_prisma_migrations", "first"]);
  });

  it("accepts the same migration checked out with CRLF line endings", async () => {
    const db = await freshDatabase();
    const dir = migrationsDir({ "001_first": `CREATE TABLE "first" (\n  "id" INT PRIMARY KEY\n);\n` });
    await db.deploy(dir);
    write(dir, { "001_first": `CREATE TABLE "first" (\r\n  "id" INT PRIMARY KEY\r\n);\r\n` });
    expect(await db.deploy(dir)).toEqual([]);
  });

  it.skipIf(!serverUrl)("applies each migration once when deploys run at the same time, schema creation included", async () => {
    const db = await freshDatabase();
    const dir = migrationsDir({ "001_first": `CREATE TABLE "first" ("id" INT PRIMARY KEY);` });
    const results = await Promise.all(Array.from({ length: 4 }, () => db.deploy(dir)));
    expect(results.flat()).toEqual(["001_first"]);
    expect(await recorded(db)).toEqual(["001_first"]);
    expect(postgresConfig(db.url ?? "").schema).toMatch(/^migrations_/);
  });
});
