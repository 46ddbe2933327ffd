// A server process for the single-flight measurement: N concurrent withProviderToken calls for one user
// whose token has expired, each calling the provider's userinfo endpoint with the token it gets.
// argv[2]: how many app instances this process simulates (2 only in the PGlite fallback, which cannot
// share one database between processes). Environment: see bench/refresh.ts.
import { accountState } from "../../tests/support/seed";
import { connect, db, loadInstances, seed, sql } from "./app-database";
import { send, serve, type CallOutcome, type RefreshCommand, type RefreshReply } from "./protocol";
import type * as AppInstance from "./app-instance";

const instances = await loadInstances(Number(process.argv[2] ?? "1"));
await connect();
send({ kind: "ready", instances: instances.length } satisfies RefreshReply);

await serve<RefreshCommand, RefreshReply>(async (command) => {
  switch (command.cmd) {
    case "seed":
      return seed(command);
    case "row":
      return { kind: "row", ...(await accountState(sql, command.accountId)) };
    case "run": {
      const started = performance.now();
      // Every caller starts in the same tick, spread round-robin over the instances.
      const calls = await Promise.all(
        Array.from({ length: command.callers }, (_, index) => call(instances[index % instances.length], command.userId, command.accountId, command.url)),
      );
      return { kind: "ran", wallMs: performance.now() - started, calls };
    }
  }
}, () => db.$disconnect());

async function call(instance: typeof AppInstance, userId: string, accountId: string, url: string): Promise<CallOutcome> {
  const started = performance.now();
  try {
    const response = await instance.withProviderToken(userId, accountId, (token) => fetch(url, { headers: { authorization: `Bearer ${token}` } }));
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  } catch (error) {
    return { status: null, error: error instanceof Error ? error.message : String(error), ms: performance.now() - started };
  }
}
