// The Prisma CLI here only generates the client and diffs migrations, so it runs on an in-memory PGlite:
// no native engine download, no database server. Migrations are applied by scripts/migrate.mjs.
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  // Cast: pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils.
  adapter: async () => new PrismaPGlite(new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory,
});
