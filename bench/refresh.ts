// 1. Refresh single flight: N callers in two server processes need the same expired token at once.
// Goal: exactly one refresh_token grant at the provider per expiry, no caller failing.
import { obtainTokens, type Tokens } from "../tests/support/oidc-client";
import type { TokenSet } from "../lib/tokens/columns";
import { release } from "./support/cleanup";
import { databaseEnv, type BenchDatabase } from "./support/database";
import { childEnv, expectReply, WorkerProcess } from "./support/processes";
import { startProviders, statsSince } from "./support/providers";
import type { CallOutcome, RefreshCommand, RefreshReply } from "./workers/protocol";

export const CALLER_COUNTS = [1, 10, 50] as const;
/** Each N is repeated: "exactly one refresh" should hold every time, not on average. */
export const ROUNDS = 3;
/** Short-lived tokens, as asked: the refreshed token must still work for every caller right after. */
const ACCESS_TOKEN_TTL = 2;

export interface RefreshRound {
  refreshes: number;
  tokenErrors: number;
  failures: string[];
  wallMs: number;
  calls: CallOutcome[];
  version: number;
  status: string;
}

export interface RefreshResult {
  topology: string;
  rows: Array<{ callers: number; split: number[]; rounds: RefreshRound[] }>;
}

type RefreshWorker = WorkerProcess<RefreshCommand, RefreshReply>;

export async function measureRefresh(database: BenchDatabase, log: (line: string) => void): Promise<RefreshResult> {
  const providers = await startProviders(ACCESS_TOKEN_TTL, "providers (refresh)");
  const env = childEnv({ ...databaseEnv(database), ...providers.env });
  const script = "bench/workers/refresh-worker.ts";
  // Two processes sharing PostgreSQL; PGlite cannot be shared, so then one process with two app instances.
  const workers: RefreshWorker[] =
    database.mode === "postgres"
      ? [new WorkerProcess(script, ["1"], env, "server A"), new WorkerProcess(script, ["1"], env, "server B")]
      : [new WorkerProcess(script, ["2"], env, "server A+B")];
  const topology =
    database.mode === "postgres" ? "2 server processes, 1 PostgreSQL database" : "1 process, 2 app instances (tsx namespaces), 1 PGlite database";
  try {
    await Promise.all(workers.map(async (worker) => expectReply(await worker.next(), "ready")));
    const rows: RefreshResult["rows"] = [];
    for (const callers of CALLER_COUNTS) {
      const split = database.mode === "postgres" ? [Math.ceil(callers / 2), Math.floor(callers / 2)] : [callers];
      const rounds: RefreshRound[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        rounds.push(await runRound(workers, providers, callers, split, round));
        const last = rounds.at(-1)!;
        log(`  N=${callers} round ${round}: ${last.refreshes} refresh call(s), ${last.failures.length} error(s), ${last.wallMs.toFixed(0)} ms`);
      }
      rows.push({ callers, split, rounds });
    }
    return { topology, rows };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await release("providers (refresh)");
  }
}

async function runRound(
  workers: RefreshWorker[],
  providers: Awaited<ReturnType<typeof startProviders>>,
  callers: number,
  split: number[],
  round: number,
): Promise<RefreshRound> {
  const username = `bench-refresh-${callers}-${round}-${Date.now().toString(36)}`;
  const tokens = await obtainTokens(providers.acme, { username });
  // Expired ten seconds ago, after a 2-second lifetime: every caller must refresh before using it.
  const expiredAt = Math.floor(Date.now() / 1000) - 10;
  const seeded = expectReply(
    await workers[0].request({ cmd: "seed", provider: "acme", username, tokens: tokenSet(tokens, expiredAt), issuedAtMs: (expiredAt - ACCESS_TOKEN_TTL) * 1000 }),
    "seeded",
  );
  const before = await providers.stats();
  const runs = await Promise.all(
    workers.map(async (worker, index) =>
      expectReply(await worker.request({ cmd: "run", userId: seeded.userId, accountId: seeded.accountId, callers: split[index], url: providers.userinfoUrl }), "ran"),
    ),
  );
  const delta = await statsSince(providers, before);
  const row = expectReply(await workers[0].request({ cmd: "row", accountId: seeded.accountId }), "row");
  const calls = runs.flatMap((run) => run.calls);
  return {
    refreshes: delta.refreshes,
    tokenErrors: delta.tokenErrors,
    failures: calls.filter((call) => call.status !== 200).map((call) => call.error ?? `HTTP ${call.status}`),
    wallMs: Math.max(...runs.map((run) => run.wallMs)),
    calls,
    version: row.version,
    status: row.status,
  };
}

/** Only what Auth.js would store; the ID token claims stay here. */
function tokenSet(tokens: Tokens, expiresAt: number): TokenSet {
  const { access_token, refresh_token, id_token, scope, token_type } = tokens;
  return { access_token, refresh_token, id_token, scope, token_type, expires_at: expiresAt };
}
