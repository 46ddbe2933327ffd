// A fresh, migrated PostgreSQL schema on the TEST_DATABASE_URL server, dropped when done.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "../../scripts/migrate";

export async function createTestSchema(serverUrl: string, prefix = "test") {
  const schema = `${prefix}_${randomBytes(6).toString("hex")}`;
  const url = new URL(serverUrl);
  url.searchParams.set("schema", schema);
  await migrate(url.toString(), "");
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}
