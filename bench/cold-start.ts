// 4. Cold start: spawn `next start` and time the first correct answer — the signed-in /settings/accounts
// (session, accounts, database client, query compiler, providers all loaded on that first request) against
// the signed-out /about (none of that). Fresh process per run, the two kinds alternating; median of RUNS.
import http from "node:http";
import type { AppFixture } from "./support/app-fixture";
import { release } from "./support/cleanup";
import { processTreeCpuMs } from "./support/process-cpu";
import { quick } from "./support/quick";

export const RUNS = quick ? 3 : 5;
const POLL_MS = 10;

export type ColdKind = "signedOut" | "signedIn";

export interface ColdStartResult {
  /** Milliseconds from spawn to the first correct answer, per run. */
  firstAnswer: Record<ColdKind, number[]>;
  /** Milliseconds from spawn to Next.js printing "Ready". */
  ready: Record<ColdKind, number[]>;
  /** CPU milliseconds the server process tree used up to its first answer: steadier on a busy machine. */
  cpu: Record<ColdKind, number[]>;
}

export async function measureColdStart(fixture: AppFixture, log: (line: string) => void): Promise<ColdStartResult> {
  const result: ColdStartResult = {
    firstAnswer: { signedOut: [], signedIn: [] },
    ready: { signedOut: [], signedIn: [] },
    cpu: { signedOut: [], signedIn: [] },
  };
  for (let run = 0; run < RUNS; run++) {
    const order: ColdKind[] = run % 2 === 0 ? ["signedIn", "signedOut"] : ["signedOut", "signedIn"];
    for (const kind of order) {
      const { firstAnswer, ready, cpu } = await coldRun(fixture, kind, `next start (cold ${kind} ${run + 1})`);
      result.firstAnswer[kind].push(firstAnswer);
      result.ready[kind].push(ready);
      result.cpu[kind].push(cpu);
      log(`  run ${run + 1}: ${kind.padEnd(9)} first answer ${firstAnswer.toFixed(0)} ms (Ready at ${ready.toFixed(0)} ms, ${cpu.toFixed(0)} ms CPU)`);
    }
  }
  return result;
}

async function coldRun(fixture: AppFixture, kind: ColdKind, label: string): Promise<{ firstAnswer: number; ready: number; cpu: number }> {
  const started = performance.now();
  const { child, logs, origin } = fixture.spawn(label);
  let ready = Number.NaN;
  child.stdout?.on("data", (chunk) => {
    if (Number.isNaN(ready) && String(chunk).includes("Ready")) ready = performance.now() - started;
  });
  const url = new URL(kind === "signedIn" ? "/settings/accounts" : "/about", origin);
  const headers: Record<string, string> = kind === "signedIn" ? { cookie: fixture.cookie } : {};
  const expected = kind === "signedIn" ? fixture.username : "About Connected Accounts";
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`next start exited:\n${logs.join("")}`);
      const answer = await fetchOnce(url, headers);
      if (answer) {
        if (answer.status !== 200 || !answer.body.includes(expected)) {
          throw new Error(`${url.pathname} (${kind}) answered HTTP ${answer.status} without the expected content: ${answer.body.slice(0, 200)}`);
        }
        const firstAnswer = performance.now() - started;
        return { firstAnswer, ready, cpu: processTreeCpuMs(child.pid ?? 0) };
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(`next start did not answer within 60 s:\n${logs.join("")}`);
  } finally {
    await release(label);
  }
}

/** One GET on a new connection; undefined while nothing listens yet. */
function fetchOnce(url: URL, headers: Record<string, string>): Promise<{ status: number; body: string } | undefined> {
  return new Promise((resolve) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", () => resolve(undefined));
    });
    request.on("error", () => resolve(undefined));
  });
}
