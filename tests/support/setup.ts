// Runs before each test file (each in its own worker): gives the file a fresh, migrated database —
// an in-memory PGlite by default, or its own schema on the server named by TEST_DATABASE_URL.
import { afterAll } from "vitest";
import { createTestSchema } from "./test-database";

process.env.AUTH_SECRET ??= "test-secret-that-is-long-enough-0123456789";
process.env.AUTH_DEV_PROVIDERS ??= "0";

if (process.env.TEST_DATABASE_URL) {
  const schema = await createTestSchema(process.env.TEST_DATABASE_URL);
  process.env.DATABASE_URL = schema.url;
  afterAll(async () => {
    const { db } = await import("../../lib/db");
    await db.$disconnect();
    await schema.drop();
  });
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
}
