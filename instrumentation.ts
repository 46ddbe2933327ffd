// Runs once when the server starts (see lib/startup-check.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironmentOrExit, openDatabaseEarly } = await import("./lib/startup-check");
    await checkEnvironmentOrExit();
    await openDatabaseEarly();
  }
}
