// `npm run bench:ab [-- page …]`: is a change faster? Two variants of the app, measured in alternating rounds so
// that the machine's drift weighs on both alike. On the 2-core VM, A/A runs (no change at all) still gave B ÷ A
// of 0.95–1.06 on single pages: trust a difference well beyond that, or one that repeats (docs/performance.md, "how steps 14–16 were measured"). Pages: signedOutAbout, signedInAbout, settings.
//
//   BENCH_AB_VARIANT=name npm run bench:ab   One build, one process. B's requests carry the header
//                                            `x-bench-variant: name`; the code being tried reads it, for now, with
//                                            `(await headers()).get("x-bench-variant")`. No process-to-process noise.
//   BENCH_AB_NODE_OPTIONS="--flag" npm run bench:ab
//                                            One build, two processes: B is started with these NODE_OPTIONS.
//   npm run bench:ab                         A = the existing .next-bench build (from `npm run bench -- pages`), B =
//                                            the working tree built into .next-bench-b, served beside it.
import { randomBytes } from "node:crypto";
import type { Target } from "./support/http";
import { DIST_DIR } from "./support/next-app";

// As in run.ts: set before any lib/ module loads.
process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
process.env.TOKEN_ENCRYPTION_KEYS = `bench:${randomBytes(32).toString("base64")}`;
process.env.BENCH_REUSE_BUILD = DIST_DIR;
const variant = process.env.BENCH_AB_VARIANT;
const nodeOptions = process.env.BENCH_AB_NODE_OPTIONS;
const ROUNDS = 6;
const ROUND_MS = 2_000;
const B_DIST_DIR = ".next-bench-b";

const { prepareApp } = await import("./support/app-fixture");
const { cleanUp } = await import("./support/cleanup");
const { openBenchDatabase } = await import("./support/database");
const { measureRound, pageTargets } = await import("./pages");
const { renderTable } = await import("./support/table");

type Page = keyof ReturnType<typeof pageTargets>;
const allPages: Page[] = ["signedOutAbout", "signedInAbout", "settings"];
const pages = process.argv.length > 2 ? (process.argv.slice(2) as Page[]) : allPages;
const unknown = pages.filter((page) => !allPages.includes(page));
if (unknown.length > 0) throw new Error(`Unknown page ${unknown.join(", ")}; pages: ${allPages.join(", ")}`);

let exitCode = 0;
try {
  const fixture = await prepareApp(await openBenchDatabase(), { jwt: false }, console.log);
  const a = await fixture.start("next start (A)");
  if (!variant && !nodeOptions) {
    console.log(`  next build of the working tree into ${B_DIST_DIR} (B)…`);
    await fixture.buildAnother(B_DIST_DIR);
  }
  const b = variant ? a : nodeOptions
    ? await fixture.startAnother("next start (B)", DIST_DIR, { NODE_OPTIONS: nodeOptions })
    : await fixture.startAnother("next start (B)", B_DIST_DIR);
  const target = (side: "A" | "B", page: Page): Target => {
    const plain = pageTargets((side === "A" ? a : b).origin, fixture)[page];
    return side === "B" && variant ? { ...plain, headers: { ...plain.headers, "x-bench-variant": variant } } : plain;
  };
  const totals = new Map<string, { requests: number; ms: number; cpuMs: number }>();
  const measure = async (side: "A" | "B", page: Page, ms: number) => {
    const { sample, serverCpuMs } = await measureRound(target(side, page), (side === "A" ? a : b).pid, ms);
    if (sample.failures > 0) throw new Error(`${side} ${page}: ${sample.failures} requests failed`);
    return { requests: sample.requests, ms: sample.elapsedMs, cpuMs: serverCpuMs };
  };
  for (const page of pages) for (const side of ["A", "B"] as const) await measure(side, page, 2_000); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const page of pages) {
      for (const side of round % 2 === 0 ? (["A", "B"] as const) : (["B", "A"] as const)) {
        const sample = await measure(side, page, ROUND_MS);
        const total = totals.get(`${side} ${page}`) ?? { requests: 0, ms: 0, cpuMs: 0 };
        totals.set(`${side} ${page}`, { requests: total.requests + sample.requests, ms: total.ms + sample.ms, cpuMs: total.cpuMs + sample.cpuMs });
      }
    }
  }
  const perSecond = (key: string) => totals.get(key)!.requests / (totals.get(key)!.ms / 1000);
  const cpuPerRequest = (key: string) => totals.get(key)!.cpuMs / totals.get(key)!.requests;
  console.log(`\n${variant ? `B = requests with x-bench-variant: ${variant}` : nodeOptions ? `B = NODE_OPTIONS=${nodeOptions}` : `B = the working tree (${B_DIST_DIR})`}; ${ROUNDS} rounds of ${ROUND_MS / 1000} s per page and side\n`);
  console.log(renderTable({
    title: "A/B",
    columns: ["page", "A req/s", "A CPU ms/req", "B req/s", "B CPU ms/req", "B ÷ A req/s"],
    rows: pages.map((page) => [
      page, perSecond(`A ${page}`).toFixed(0), cpuPerRequest(`A ${page}`).toFixed(2),
      perSecond(`B ${page}`).toFixed(0), cpuPerRequest(`B ${page}`).toFixed(2), (perSecond(`B ${page}`) / perSecond(`A ${page}`)).toFixed(3),
    ]),
  }));
} catch (error) {
  console.error(`\nbench:ab failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
