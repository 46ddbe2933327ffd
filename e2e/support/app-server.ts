// Builds the app once and starts `next start` processes against a fresh database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const distDir = ".next-e2e";
const nextBin = path.join("node_modules", ".bin", "next");

/** Provider declarations only the browser tests build with (each off unless its variables are set). */
const fixtureProviders = "e2e/fixtures/providers";

export function buildApp(env: Record<string, string>) {
  // The registry is generated with the fixture providers for this build only, and restored right after, so
  // lib/providers/ never keeps a fixture (tests/provider-registry.test.ts would fail if it did).
  writeRegistry(["--with", fixtureProviders]);
  try {
    const result = spawnSync(nextBin, ["build"], {
      env: { ...process.env, ...env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    writeRegistry([]);
  }
}

function writeRegistry(args: string[]) {
  const result = spawnSync(process.execPath, ["scripts/generate-provider-registry.mjs", ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`generating the provider registry failed:\n${result.stderr}`);
}

export function tempPgliteDir() {
  return path.join(mkdtempSync(path.join(tmpdir(), "e2e-pglite-")), "db");
}

/** Starts `next start` and resolves once it answers; its output is kept for failure reports. */
export interface AppProcess {
  logs: string[];
  stop(): Promise<void>;
}

/** `logFile` receives everything the server prints, so tests can prove no token is ever logged. */
export async function startApp(port: number, env: Record<string, string>, logFile: string): Promise<AppProcess> {
  const logs: string[] = [];
  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn(nextBin, ["start", "--port", String(port)], {
    env: { ...process.env, ...env, NEXT_DIST_DIR: distDir, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = () => stopProcess(child);
  child.stdout?.on("data", (chunk) => (logs.push(String(chunk)), log.write(chunk)));
  child.stderr?.on("data", (chunk) => (logs.push(String(chunk)), log.write(chunk)));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${logs.join("")}`);
    const up = await fetch(`http://localhost:${port}/sign-in`).then((r) => r.ok, () => false);
    if (up) return { logs, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error(`next start did not answer within 60 s:\n${logs.join("")}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
  });
}
