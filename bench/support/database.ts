// The bench's own database: a fresh schema on the PostgreSQL server named by BENCH_DATABASE_URL (dropped
// at the end), or — when that server cannot be reached — embedded PGlite, which only one process can open.
import pg from "pg";
import { createTestSchema } from "../../tests/support/test-database";
import { onCleanup } from "./cleanup";

export const DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/test";

export type BenchDatabase =
  | { mode: "postgres"; serverUrl: string; url: string; schema: string; version: string }
  | { mode: "pglite"; reason: string };

export async function openBenchDatabase(serverUrl = process.env.BENCH_DATABASE_URL || DEFAULT_SERVER_URL): Promise<BenchDatabase> {
  let version: string;
  try {
    version = await serverVersion(serverUrl);
  } catch (error) {
    const reason = `PostgreSQL at ${redact(serverUrl)} is unreachable (${error instanceof Error ? error.message : String(error)})`;
    return { mode: "pglite", reason };
  }
  const schema = await createTestSchema(serverUrl, "bench");
  onCleanup("bench schema", () => schema.drop());
  const url = schema.url;
  return { mode: "postgres", serverUrl, url, schema: new URL(url).searchParams.get("schema") ?? "", version };
}

async function serverVersion(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  client.on("error", () => {}); // a server going away later must not crash the bench
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

/** A connection string without its password, for printing. */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/**
 * What a child process needs to open the same database. In PGlite mode the caller picks the data folder,
 * and DATABASE_URL is set empty rather than removed: Next.js only fills variables that are undefined from
 * .env files, so a DATABASE_URL in .env.local cannot sneak back in; lib/env reads "" as unset.
 */
export function databaseEnv(database: BenchDatabase, pgliteDir = "memory://"): Record<string, string | undefined> {
  return database.mode === "postgres"
    ? { DATABASE_URL: database.url, PGLITE_DATA_DIR: undefined }
    : { DATABASE_URL: "", PGLITE_DATA_DIR: pgliteDir };
}

export function describeDatabase(database: BenchDatabase): string {
  return database.mode === "postgres"
    ? `PostgreSQL ${database.version} at ${redact(database.serverUrl)}, schema ${database.schema} (dropped afterwards)`
    : `embedded PGlite (fallback: ${database.reason})`;
}
