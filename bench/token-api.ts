// 4. Token API: what POST /api/v1/connections/{id}/token adds over a direct database read of the token
// (bench/workers/token-api-worker.ts). A valid 5-minute token, so no refresh: the steady-state cost.
import { obtainTokens } from "../tests/support/oidc-client";
import { release } from "./support/cleanup";
import { databaseEnv, type BenchDatabase } from "./support/database";
import { childEnv, expectReply, WorkerProcess } from "./support/processes";
import { startProviders, statsSince } from "./support/providers";
import { mean, ms, percentile } from "./support/stats";
import type { Table } from "./support/table";
import type { TokenApiCommand, TokenApiReply } from "./workers/protocol";

export const WARMUP = 30;
export const ITERATIONS = 300;

export interface TokenApiResult {
  direct: number[];
  endpoint: number[];
  failures: string[];
  refreshes: number;
}

export async function measureTokenApi(database: BenchDatabase): Promise<TokenApiResult> {
  const providers = await startProviders(300, "providers (token API)");
  const worker = new WorkerProcess<TokenApiCommand, TokenApiReply>(
    "bench/workers/token-api-worker.ts",
    [],
    childEnv({ ...databaseEnv(database), ...providers.env }),
    "server",
  );
  try {
    expectReply(await worker.next(), "ready");
    const username = `bench-token-api-${Date.now().toString(36)}`;
    const { access_token, refresh_token, id_token, scope, token_type, expires_at } = await obtainTokens(providers.acme, { username });
    const seeded = expectReply(
      await worker.request({ cmd: "seed", provider: "acme", username, tokens: { access_token, refresh_token, id_token, scope, token_type, expires_at }, issuedAtMs: Date.now() }),
      "seeded",
    );
    const before = await providers.stats();
    const measured = expectReply(await worker.request({ cmd: "measure", accountId: seeded.accountId, warmup: WARMUP, iterations: ITERATIONS }, 180_000), "measured");
    const delta = await statsSince(providers, before);
    return { direct: measured.direct, endpoint: measured.endpoint, failures: measured.failures, refreshes: delta.refreshes };
  } finally {
    await worker.stop();
    await release("providers (token API)");
  }
}

export function tokenApiTable(result: TokenApiResult): Table {
  const row = (label: string, values: number[]) => [label, ms(percentile(values, 50)), ms(percentile(values, 99)), ms(mean(values))];
  return {
    title: "4. Token API: POST /api/v1/connections/{id}/token vs reading the token from the database",
    columns: ["path", "p50 ms", "p99 ms", "mean ms"],
    rows: [
      row("direct: account row read + decrypt", result.direct),
      row("token endpoint (route handler, in process)", result.endpoint),
      [
        "added by the endpoint",
        ms(percentile(result.endpoint, 50) - percentile(result.direct, 50)),
        ms(percentile(result.endpoint, 99) - percentile(result.direct, 99)),
        ms(mean(result.endpoint) - mean(result.direct)),
      ],
    ],
    notes: [
      `${ITERATIONS} sequential iterations of each, interleaved, after ${WARMUP} warm-up pairs; one server process; no HTTP layer. ` +
        "The endpoint does: key lookup + constant-time hash check, rate-limit upsert (and a throttled last-used write), connection owner, " +
        "consent check, withProviderToken's row read, a read-back of expiry and scopes, and the audit (usage upsert + activity insert). " +
        `Refresh calls during the run: ${result.refreshes} (expected 0); failures: ${result.failures.length}.`,
    ],
  };
}
