// Runs before each test file (each in its own worker): gives the file a fresh, migrated database —
// an in-memory PGlite by default, or its own schema on the server named by TEST_DATABASE_URL.
import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import pg from "pg";
import { migrate } from "../../scripts/migrate";

process.env.AUTH_SECRET ??= "test-secret-that-is-long-enough-0123456789";
process.env.AUTH_DEV_PROVIDERS ??= "0";

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const url = new URL(serverUrl);
  url.searchParams.set("schema", schema);
  process.env.DATABASE_URL = url.toString();
  await migrate(process.env.DATABASE_URL, "");
  afterAll(async () => {
    const { db } = await import("../../lib/db");
    await db.$disconnect();
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
}
