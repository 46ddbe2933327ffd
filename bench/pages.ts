// 2. Page throughput, interleaved on two `next start` processes: the app as users run it (database
// sessions) — signed-out /about, signed-in /about, signed-in /settings/accounts — and the same two
// signed-in pages on a JWT build of the same app. /about reads neither the session nor the database
// itself, but the root layout's header calls auth(): signed out vs signed in is the cost of the session.
import type { AppFixture } from "./support/app-fixture";
import { get, keepAliveAgent, type Target } from "./support/http";
import { closedLoop, mergeSamples, type LoadSample } from "./support/load";
import { processTreeCpuMs } from "./support/process-cpu";
import { quick } from "./support/quick";

export const CONCURRENCY = 16;
export const WARMUP_MS = quick ? 2_000 : 5_000;
/** Rounds rotate the order of the targets, so slow drift (CPU boost, GC, other load) weighs on all equally. */
export const ROUNDS = quick ? 2 : 4;
export const ROUND_MS = quick ? 1_500 : 2_500;

export const TARGETS = ["signedOutAbout", "signedInAbout", "settings", "jwtAbout", "jwtSettings"] as const;
export type TargetName = (typeof TARGETS)[number];

export interface PagesResult {
  samples: Record<TargetName, LoadSample>;
  /** Server CPU (process tree of the `next start` serving the target) per request, over all rounds. */
  cpuMsPerRequest: Record<TargetName, number>;
  labels: Record<TargetName, string>;
  perRound: Array<{ target: TargetName; rps: number }>;
  /** Size of each page's HTML: rendering cost grows with it. */
  bytes: Record<TargetName, number>;
}

/** The targets served by the database-session build at `origin`. */
export function pageTargets(origin: string, fixture: AppFixture) {
  const signedIn = signedInHeaders(fixture);
  return {
    signedOutAbout: { label: "/about signed out", url: new URL("/about", origin), headers: {} },
    signedInAbout: { label: "/about signed in", url: new URL("/about", origin), ...signedIn },
    settings: { label: "/settings/accounts signed in", url: new URL("/settings/accounts", origin), ...signedIn },
  } satisfies Record<string, Target>;
}

/** A single request is the first person's; under load each client is a different person. */
const signedInHeaders = (build: Pick<AppFixture, "cookie" | "cookies">) => ({
  headers: { cookie: build.cookie },
  clientHeaders: build.cookies.map((cookie) => ({ cookie })),
});

function jwtTargets(origin: string, build: Pick<AppFixture, "cookie" | "cookies">) {
  const signedIn = signedInHeaders(build);
  return {
    jwtAbout: { label: "/about signed in (JWT build)", url: new URL("/about", origin), ...signedIn },
    jwtSettings: { label: "/settings/accounts signed in (JWT build)", url: new URL("/settings/accounts", origin), ...signedIn },
  } satisfies Record<string, Target>;
}

/** The header shows the signed-in person (components/site-header.tsx). */
const SIGNED_IN_MARK = 'data-testid="current-user"';

/**
 * Each target must really render what it claims — signed in where it says so (the header names the user),
 * the settings page itself rather than a redirect to /sign-in — and answer 200. Returns each page's size.
 */
async function checkTargets(targets: Record<TargetName, Target>, fixture: AppFixture): Promise<Record<TargetName, number>> {
  const agent = keepAliveAgent(1);
  try {
    const about = "About Connected Accounts";
    const expected: Record<TargetName, { text: string; signedIn: boolean }> = {
      signedOutAbout: { text: about, signedIn: false },
      signedInAbout: { text: about, signedIn: true },
      settings: { text: fixture.username, signedIn: true },
      jwtAbout: { text: about, signedIn: true },
      jwtSettings: { text: fixture.username, signedIn: true },
    };
    const bytes = {} as Record<TargetName, number>;
    for (const name of TARGETS) {
      const { status, body } = await get(targets[name], agent);
      const { text, signedIn } = expected[name];
      if (status !== 200 || !body.includes(text) || body.includes(SIGNED_IN_MARK) !== signedIn) {
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
  if (!fixture.jwt) throw new Error("the pages measurement needs the JWT build");
  const app = await fixture.start("next start (pages, database sessions)");
  const jwtApp = await fixture.jwt.start("next start (pages, JWT sessions)");
  const agent = keepAliveAgent(CONCURRENCY * 2);
  try {
    const targets: Record<TargetName, Target> = { ...pageTargets(app.origin, fixture), ...jwtTargets(jwtApp.origin, fixture.jwt) };
    const bytes = await checkTargets(targets, fixture);
    log(`  warm-up ${WARMUP_MS / 1000} s per page`);
    for (const name of TARGETS) await closedLoop(targets[name], agent, CONCURRENCY, WARMUP_MS);

    const samples = Object.fromEntries(TARGETS.map((name) => [name, [] as LoadSample[]])) as Record<TargetName, LoadSample[]>;
    const cpuMs = Object.fromEntries(TARGETS.map((name) => [name, 0])) as Record<TargetName, number>;
    const serverOf = (name: TargetName) => (name.startsWith("jwt") ? jwtApp.pid : app.pid);
    const perRound: PagesResult["perRound"] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const shift = round % TARGETS.length;
      const order = [...TARGETS.slice(shift), ...TARGETS.slice(0, shift)];
      for (const name of order) {
        const { sample, serverCpuMs } = await measureRound(targets[name], serverOf(name), ROUND_MS);
        cpuMs[name] += serverCpuMs;
        samples[name].push(sample);
        const rps = sample.requests / (sample.elapsedMs / 1000);
        perRound.push({ target: name, rps });
        log(`  round ${round + 1}: ${targets[name].label.padEnd(42)} ${rps.toFixed(0)} req/s${sample.failures ? `, ${sample.failures} failed` : ""}`);
      }
    }
    const merged = Object.fromEntries(TARGETS.map((name) => [name, mergeSamples(samples[name])])) as Record<TargetName, LoadSample>;
    if (Object.values(merged).some((sample) => sample.failures > 0)) {
      log(`  server output:\n${[...app.logs, ...jwtApp.logs].join("").split("\n").slice(-30).join("\n")}`);
    }
    const labels = Object.fromEntries(TARGETS.map((name) => [name, targets[name].label])) as Record<TargetName, string>;
    const cpuMsPerRequest = Object.fromEntries(TARGETS.map((name) => [name, cpuMs[name] / merged[name].requests])) as Record<TargetName, number>;
    return { samples: merged, cpuMsPerRequest, labels, perRound, bytes };
  } finally {
    agent.destroy();
    await app.stop();
    await jwtApp.stop();
  }
}

/**
 * One round of closed-loop load on `target`, and the CPU the server process tree (`pid`) spent meanwhile. Fresh
 * connections each round: a keep-alive socket left idle while another server was measured can be closed by the
 * server (its keep-alive timeout) just as the client reuses it.
 */
export async function measureRound(target: Target, pid: number, ms: number): Promise<{ sample: LoadSample; serverCpuMs: number }> {
  const agent = keepAliveAgent(CONCURRENCY);
  try {
    const cpuBefore = processTreeCpuMs(pid);
    const sample = await closedLoop(target, agent, CONCURRENCY, ms);
    return { sample, serverCpuMs: processTreeCpuMs(pid) - cpuBefore };
  } finally {
    agent.destroy();
  }
}

export const requestsPerSecond = (sample: LoadSample) => sample.requests / (sample.elapsedMs / 1000);
