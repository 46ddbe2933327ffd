// The line protocol between bench/run.ts and its worker processes: one JSON command per stdin line,
// one reply per command on stdout, prefixed so stray output (warnings, logs) is never mistaken for one.
import readline from "node:readline";
import type { TokenSet } from "../../lib/tokens/columns";

export const REPLY_PREFIX = "@bench ";

export type ErrorReply = { kind: "error"; message: string };

/** One withProviderToken call as a caller saw it: an HTTP status, or the error it threw. */
export interface CallOutcome {
  status: number | null;
  error?: string;
  ms: number;
}

export type SeedCommand = { cmd: "seed"; provider: string; username: string; tokens: TokenSet; issuedAtMs: number };

export type RefreshCommand =
  | SeedCommand
  | { cmd: "run"; userId: string; accountId: string; callers: number; url: string }
  | { cmd: "row"; accountId: string };

export type RefreshReply =
  | { kind: "ready"; instances: number }
  | { kind: "seeded"; userId: string; accountId: string }
  | { kind: "ran"; wallMs: number; calls: CallOutcome[] }
  | { kind: "row"; version: number; status: string; leaseOwner: string | null }
  | ErrorReply;

export type OverheadCommand = SeedCommand | { cmd: "measure"; userId: string; accountId: string; accessToken: string; url: string; warmup: number; iterations: number };

export type OverheadReply =
  | { kind: "ready"; instances: number }
  | { kind: "seeded"; userId: string; accountId: string }
  | { kind: "measured"; direct: number[]; wrapped: number[]; alone: number[]; cpuMs: { direct: number; wrapped: number; alone: number }; failures: string[] }
  | ErrorReply;

export type TokenApiCommand = SeedCommand | { cmd: "measure"; accountId: string; warmup: number; iterations: number };

export type TokenApiReply =
  | { kind: "ready"; instances: number }
  | { kind: "seeded"; userId: string; accountId: string }
  | { kind: "measured"; direct: number[]; endpoint: number[]; failures: string[] }
  | ErrorReply;

/** Worker side: answers each command in order; exits when the orchestrator closes stdin. */
export async function serve<Command, Reply extends object>(
  handle: (command: Command) => Promise<Reply>,
  onClose: () => Promise<void>,
): Promise<never> {
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    let reply: Reply | ErrorReply;
    try {
      reply = await handle(JSON.parse(line) as Command);
    } catch (error) {
      reply = { kind: "error", message: error instanceof Error ? error.message : String(error) };
    }
    send(reply);
  }
  await onClose();
  process.exit(0);
}

export function send(reply: object): void {
  process.stdout.write(`${REPLY_PREFIX}${JSON.stringify(reply)}\n`);
}
