// A production build of the app in its own dist dir, and `next start` processes serving it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { onCleanup, release } from "./cleanup";
import { ROOT, stopChild } from "./processes";
import { withProjectFilesKept } from "./project-files";

/** The app as users run it (database sessions). */
export const DIST_DIR = ".next-bench";
/** The same app built with BENCH_SESSION_STRATEGY=jwt (see auth.ts): the comparison the bench keeps proving. */
export const JWT_DIST_DIR = ".next-bench-jwt";
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");
const NEXT_CLI = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/**
 * Extra Node.js flags for `next start`, to look inside the server while it is under load, e.g.
 * BENCH_NEXT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/bench-profiles" (Node refuses --cpu-prof in NODE_OPTIONS).
 */
const nodeArgs = (process.env.BENCH_NEXT_NODE_ARGS ?? "").split(" ").filter(Boolean);

/**
 * While developing only: BENCH_REUSE_BUILD=.next-bench-jwt (comma-separated dist dirs) serves an existing
 * build instead of rebuilding it — e.g. the JWT build while changing code it does not run. Never for results.
 */
const reuseBuilds = (process.env.BENCH_REUSE_BUILD ?? "").split(",").filter(Boolean);

export interface BuildReport {
  distDir: string;
  ms: number;
  restored: string[];
  warnings: string[];
}

/** `next build` into `distDir`. Asynchronous: the providers running in this process must keep answering. */
export async function buildApp(env: NodeJS.ProcessEnv, distDir = DIST_DIR): Promise<BuildReport> {
  const started = performance.now();
  if (reuseBuilds.includes(distDir) && existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
    return { distDir, ms: 0, restored: [], warnings: [`reused the existing ${distDir} (BENCH_REUSE_BUILD)`] };
  }
  const { restored, warnings } = await withProjectFilesKept(ROOT, distDir, () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(NEXT_BIN, ["build"], { cwd: ROOT, env: { ...env, NEXT_DIST_DIR: distDir }, stdio: ["ignore", "pipe", "pipe"] });
      onCleanup("next build", () => stopChild(child));
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("exit", (code) => {
        void release("next build");
        if (code === 0) resolve();
        else reject(new Error(`next build failed (exit ${code}):\n${output.split("\n").slice(-60).join("\n")}`));
      });
    }),
  );
  return { distDir, ms: performance.now() - started, restored, warnings };
}

export interface RunningApp {
  origin: string;
  pid: number;
  /** Everything the server printed, for failure reports. */
  logs: string[];
  stop(): Promise<void>;
}

/** `next start` serving `distDir` on `port`, not yet answering: the caller waits for what it needs. */
export function spawnApp(port: number, env: NodeJS.ProcessEnv, label: string, distDir = DIST_DIR) {
  const child = spawn(process.execPath, [...nodeArgs, NEXT_CLI, "start", "--port", String(port)], {
    cwd: ROOT,
    env: { ...env, NEXT_DIST_DIR: distDir, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  onCleanup(label, () => stopChild(child));
  const logs: string[] = [];
  child.stdout.on("data", (chunk) => logs.push(String(chunk)));
  child.stderr.on("data", (chunk) => logs.push(String(chunk)));
  return { child, logs, origin: `http://localhost:${port}` };
}

/** `next start` on `port`, resolved once /about answers (a page that needs neither session nor database). */
export async function startApp(port: number, env: NodeJS.ProcessEnv, label: string, distDir = DIST_DIR): Promise<RunningApp> {
  const { child, logs, origin } = spawnApp(port, env, label, distDir);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${logs.join("")}`);
    const up = await fetch(`${origin}/about`).then((response) => response.ok, () => false);
    if (up) return { origin, pid: child.pid ?? 0, logs, stop: () => release(label) };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await release(label);
  throw new Error(`next start did not answer within 60 s:\n${logs.join("")}`);
}
