// Child processes: app code in separate server processes, and `next build` / `next start`.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { REPLY_PREFIX } from "../workers/protocol";
import { onCleanup, release } from "./cleanup";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** The parent's environment plus overrides; `undefined` removes a variable (e.g. DATABASE_URL in PGlite mode). */
export function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** SIGTERM, then SIGKILL if the process has not exited after a few seconds. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
  });
}

/**
 * A TypeScript worker running the app's server modules in its own process, spoken to with one JSON
 * command per stdin line; it answers with REPLY_PREFIX + JSON lines on stdout.
 * `--conditions=react-server` because `server-only` throws outside React Server Components, exactly
 * as in tests/support/refresh-worker.ts.
 */
export class WorkerProcess<Command, Reply> {
  readonly #child: ChildProcess;
  readonly #replies: Reply[] = [];
  readonly #waiting: Array<{ resolve: (reply: Reply) => void; reject: (error: Error) => void }> = [];
  #exit: Error | undefined;
  readonly #label: string;

  constructor(script: string, args: string[], env: NodeJS.ProcessEnv, readonly name: string) {
    this.#child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
      cwd: ROOT,
      env,
      stdio: ["pipe", "pipe", "inherit"],
    });
    this.#label = `worker ${name} (pid ${this.#child.pid})`;
    onCleanup(this.#label, () => this.#stop());
    readline.createInterface({ input: this.#child.stdout! }).on("line", (line) => {
      if (!line.startsWith(REPLY_PREFIX)) return void console.log(`  [${name}] ${line}`);
      const reply = JSON.parse(line.slice(REPLY_PREFIX.length)) as Reply;
      const waiter = this.#waiting.shift();
      if (waiter) waiter.resolve(reply);
      else this.#replies.push(reply);
    });
    this.#child.on("exit", (code, signal) => {
      this.#exit = new Error(`${name} exited (${signal ?? `code ${code}`})`);
      for (const waiter of this.#waiting.splice(0)) waiter.reject(this.#exit);
    });
  }

  /** The next reply (the first one is the worker's "ready"). */
  next(timeoutMs = 60_000): Promise<Reply> {
    const queued = this.#replies.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.#exit) return Promise.reject(this.#exit);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
      this.#waiting.push({
        resolve: (reply) => (clearTimeout(timer), resolve(reply)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
    });
  }

  send(command: Command): void {
    this.#child.stdin!.write(`${JSON.stringify(command)}\n`);
  }

  request(command: Command, timeoutMs?: number): Promise<Reply> {
    this.send(command);
    return this.next(timeoutMs);
  }

  stop(): Promise<void> {
    return release(this.#label);
  }

  /** Closing stdin asks the worker to exit; stopChild is the fallback. */
  async #stop(): Promise<void> {
    this.#child.stdin?.end();
    const exited = new Promise<void>((resolve) => (this.#child.exitCode !== null ? resolve() : this.#child.once("exit", () => resolve())));
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 3_000).unref());
    if ((await Promise.race([exited, timeout])) === "timeout") await stopChild(this.#child);
  }
}

/** Narrows a worker's reply to the kind expected; an error reply or any other kind throws. */
export function expectReply<Reply extends { kind: string }, Kind extends Reply["kind"]>(
  reply: Reply,
  kind: Kind,
): Extract<Reply, { kind: Kind }> {
  if (reply.kind !== kind) {
    const detail = "message" in reply ? String(reply.message) : JSON.stringify(reply);
    throw new Error(`worker answered ${reply.kind} instead of ${kind}: ${detail}`);
  }
  return reply as Extract<Reply, { kind: Kind }>;
}
