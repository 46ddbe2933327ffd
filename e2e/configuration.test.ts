// A misconfigured deployment stops at startup with one line naming the variable.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { distDir } from "./support/app-server";
import { freePort } from "./support/free-port";

async function startWith(overrides: Record<string, string>) {
  const env: Record<string, string | undefined> = { ...process.env, ...inject("appEnv"), ...overrides, NEXT_DIST_DIR: distDir, NODE_ENV: "production" };
  const child = spawn(path.join("node_modules", ".bin", "next"), ["start", "--port", String(await freePort())], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => {
    child.on("exit", resolve);
    setTimeout(() => child.kill("SIGKILL"), 20_000).unref();
  });
  return { code, output };
}

describe("configuration errors", () => {
  it.each([
    [{ DATABASE_URL: "mysql://localhost/app" }, "Invalid environment: DATABASE_URL must be a postgres:// or postgresql:// URL"],
    [{ AUTH_GITHUB_ID: "id-without-secret" }, "Invalid environment: AUTH_GITHUB_SECRET is required when AUTH_GITHUB_ID is set"],
    [{ TOKEN_ENCRYPTION_KEYS: "" }, "Invalid environment: TOKEN_ENCRYPTION_KEYS is required in production"],
  ])("%o stops the server with one line", async (overrides, message) => {
    const { code, output } = await startWith(overrides);
    expect(code).not.toBe(0);
    expect(output).toContain(message);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  }, 30_000);
});
