// 2. Page throughput: the signed-in /settings/accounts (session + accounts from the database) against
// /about (rendered per request, no session, no database), alternating on one `next start`.
// Goal: authenticated/baseline ≥ 0.85. A third, diagnostic target — /about with the session cookie —
// splits the gap into what the session lookup costs (the root layout's header calls auth() on every
// page) and what rendering the settings page itself costs.
import type { AppFixture } from "./support/app-fixture";
import { get, keepAliveAgent, type Target } from "./support/http";
import { closedLoop, mergeSamples, type LoadSample } from "./support/load";

export const CONCURRENCY = 16;
export const WARMUP_MS = 5_000;
/** Rounds rotate the order of the targets, so slow drift (CPU boost, GC, other load) weighs on all equally. */
export const ROUNDS = 4;
export const ROUND_MS = 2_500;

type TargetName = "baseline" | "authenticated" | "sessionOnly";

export interface PagesResult {
  samples: Record<TargetName, LoadSample>;
  labels: Record<TargetName, string>;
  perRound: Array<{ target: TargetName; rps: number }>;
  /** Size of each page's HTML: rendering cost grows with it. */
  bytes: Record<TargetName, number>;
}

export function pageTargets(origin: string, fixture: AppFixture): Record<TargetName, Target> {
  const cookie = { cookie: fixture.cookie };
  return {
    baseline: { label: "/about (no cookie)", url: new URL("/about", origin), headers: {} },
    authenticated: { label: "/settings/accounts (signed in)", url: new URL("/settings/accounts", origin), headers: cookie },
    sessionOnly: { label: "/about (signed in)", url: new URL("/about", origin), headers: cookie },
  };
}

/**
 * Each target must really render what it claims — the settings page signed in, not a redirect to
 * /sign-in — and answer 200. Returns the size of each page.
 */
async function checkTargets(targets: Record<TargetName, Target>, fixture: AppFixture): Promise<Record<TargetName, number>> {
  const agent = keepAliveAgent(1);
  try {
    const expected: Record<TargetName, string> = {
      baseline: "About Connected Accounts",
      authenticated: fixture.username,
      sessionOnly: "About Connected Accounts",
    };
    const bytes = { baseline: 0, authenticated: 0, sessionOnly: 0 };
    for (const name of Object.keys(expected) as TargetName[]) {
      const { status, body } = await get(targets[name], agent);
      if (status !== 200 || !body.includes(expected[name])) {
        throw new Error(`${targets[name].label} did not render as expected (HTTP ${status}): ${body.slice(0, 200)}`);
      }
      bytes[name] = Buffer.byteLength(body);
    }
    return bytes;
  } finally {
    agent.destroy();
  }
}

export async function measurePages(fixture: AppFixture, log: (line: string) => void): Promise<PagesResult> {
  const app = await fixture.start("next start (pages)");
  const agent = keepAliveAgent(CONCURRENCY);
  try {
    const targets = pageTargets(app.origin, fixture);
    const bytes = await checkTargets(targets, fixture);
    const names: TargetName[] = ["baseline", "authenticated", "sessionOnly"];
    log(`  warm-up ${WARMUP_MS / 1000} s per page`);
    for (const name of names) await closedLoop(targets[name], agent, CONCURRENCY, WARMUP_MS);

    const samples: Record<TargetName, LoadSample[]> = { baseline: [], authenticated: [], sessionOnly: [] };
    const perRound: PagesResult["perRound"] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = [...names.slice(round % names.length), ...names.slice(0, round % names.length)];
      for (const name of order) {
        const sample = await closedLoop(targets[name], agent, CONCURRENCY, ROUND_MS);
        samples[name].push(sample);
        const rps = sample.requests / (sample.elapsedMs / 1000);
        perRound.push({ target: name, rps });
        log(`  round ${round + 1}: ${targets[name].label.padEnd(32)} ${rps.toFixed(0)} req/s${sample.failures ? `, ${sample.failures} failed` : ""}`);
      }
    }
    const merged = {
      baseline: mergeSamples(samples.baseline),
      authenticated: mergeSamples(samples.authenticated),
      sessionOnly: mergeSamples(samples.sessionOnly),
    };
    if (Object.values(merged).some((sample) => sample.failures > 0)) log(`  server output:\n${app.logs.join("").split("\n").slice(-30).join("\n")}`);
    const labels = { baseline: targets.baseline.label, authenticated: targets.authenticated.label, sessionOnly: targets.sessionOnly.label };
    return { samples: merged, labels, perRound, bytes };
  } finally {
    agent.destroy();
    await app.stop();
  }
}
