// What the server does once at startup (instrumentation.ts): a bad environment stops it with one line naming the
// variable, instead of a stack trace on the first request; a good one opens the first database connection.
export async function checkEnvironmentOrExit() {
  try {
    await import("./env");
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

/**
 * Opens one PostgreSQL connection while the server starts, not awaited: otherwise the first signed-in request
 * pays for TCP, TLS and authentication on top of its own work (bench part 4, cold start). A failure is left to
 * the first request, which reports it properly. Embedded PGlite (development) is opened on first use as before.
 */
export async function openDatabaseEarly() {
  const { env } = await import("./env");
  if (!env.DATABASE_URL) return;
  const { postgresPool } = await import("./database/connect");
  postgresPool(env.DATABASE_URL, env.DATABASE_POOL_MAX).query("SELECT 1").catch(() => undefined);
}
