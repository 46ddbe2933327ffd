// A bad environment stops the server at startup with one line naming the variable,
// instead of a stack trace on the first request.
export async function checkEnvironmentOrExit() {
  try {
    await import("./env");
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
