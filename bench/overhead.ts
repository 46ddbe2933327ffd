// 1b. Valid-token path: what withProviderToken costs on top of the API call itself when no refresh is
// needed (one indexed account lookup and an AES-GCM decryption). Sequential, so it is latency, not load.
import { obtainTokens } from "../tests/support/oidc-client";
import { release } from "./support/cleanup";
import { databaseEnv, type BenchDatabase } from "./support/database";
import { childEnv, expectReply, WorkerProcess } from "./support/processes";
import { startProviders, statsSince } from "./support/providers";
import type { OverheadCommand, OverheadReply } from "./workers/protocol";

export const WARMUP = 30;
export const ITERATIONS = 300;

export interface OverheadResult {
  direct: number[];
  wrapped: number[];
  /** withProviderToken with a callback that does no I/O: its own cost. */
  alone: number[];
  /** CPU of the worker process per call, per series. */
  cpuMs: { direct: number; wrapped: number; alone: number };
  failures: string[];
  refreshes: number;
  userinfo: number;
}

export async function measureOverhead(database: BenchDatabase): Promise<OverheadResult> {
  // Separate providers with 5-minute tokens: with the 2-second ones, the token would expire mid-run and
  // the direct calls would start failing while withProviderToken refreshed.
  const providers = await startProviders(300, "providers (overhead)");
  const worker = new WorkerProcess<OverheadCommand, OverheadReply>(
    "bench/workers/overhead-worker.ts",
    [],
    childEnv({ ...databaseEnv(database), ...providers.env }),
    "server",
  );
  try {
    expectReply(await worker.next(), "ready");
    const username = `bench-overhead-${Date.now().toString(36)}`;
    const tokens = await obtainTokens(providers.acme, { username });
    const { access_token, refresh_token, id_token, scope, token_type, expires_at } = tokens;
    const seeded = expectReply(
      await worker.request({ cmd: "seed", provider: "acme", username, tokens: { access_token, refresh_token, id_token, scope, token_type, expires_at }, issuedAtMs: Date.now() }),
      "seeded",
    );
    const before = await providers.stats();
    const measured = expectReply(
      await worker.request(
        { cmd: "measure", userId: seeded.userId, accountId: seeded.accountId, accessToken: access_token, url: providers.userinfoUrl, warmup: WARMUP, iterations: ITERATIONS },
        120_000,
      ),
      "measured",
    );
    const delta = await statsSince(providers, before);
    const { direct, wrapped, alone, cpuMs, failures } = measured;
    return { direct, wrapped, alone, cpuMs, failures, refreshes: delta.refreshes, userinfo: delta.userinfo };
  } finally {
    await worker.stop();
    await release("providers (overhead)");
  }
}
