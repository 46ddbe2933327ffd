// Closed-loop load: `concurrency` clients on keep-alive connections, each sending its next request as
// soon as the previous answer has been read, for a fixed time. Throughput is then what the server
// sustains at that concurrency, and latencies are not hidden by a queue inside the client.
import type http from "node:http";
import { get, type Target } from "./http";

export interface LoadSample {
  requests: number;
  /** Non-200 answers and connection errors. */
  failures: number;
  elapsedMs: number;
  latenciesMs: number[];
}

export async function closedLoop(target: Target, agent: http.Agent, concurrency: number, durationMs: number): Promise<LoadSample> {
  const sample: LoadSample = { requests: 0, failures: 0, elapsedMs: 0, latenciesMs: [] };
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async (index: number) => {
    const perClient = target.clientHeaders?.[index % target.clientHeaders.length];
    const own = perClient ? { ...target, headers: { ...target.headers, ...perClient } } : target;
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const { status } = await get(own, agent, false);
        if (status !== 200) sample.failures++;
      } catch {
        sample.failures++;
        await new Promise((resolve) => setTimeout(resolve, 10)); // do not spin on a refused connection
      }
      sample.latenciesMs.push(performance.now() - sent);
      sample.requests++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => client(index)));
  sample.elapsedMs = performance.now() - started;
  return sample;
}

export function mergeSamples(samples: LoadSample[]): LoadSample {
  return {
    requests: samples.reduce((sum, s) => sum + s.requests, 0),
    failures: samples.reduce((sum, s) => sum + s.failures, 0),
    elapsedMs: samples.reduce((sum, s) => sum + s.elapsedMs, 0),
    latenciesMs: samples.flatMap((s) => s.latenciesMs),
  };
}
