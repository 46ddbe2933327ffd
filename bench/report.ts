// Turns measurements into tables (printed as they finish) and bench/RESULTS.md.
import type { OverheadResult } from "./overhead";
import { ITERATIONS, WARMUP } from "./overhead";
import type { ColdKind, ColdStartResult } from "./cold-start";
import { RUNS as COLD_RUNS } from "./cold-start";
import type { PagesResult, TargetName } from "./pages";
import { CONCURRENCY, requestsPerSecond, ROUND_MS, ROUNDS as PAGE_ROUNDS, TARGETS, WARMUP_MS } from "./pages";
import type { QueriesResult } from "./queries";
import { REQUESTS } from "./queries";
import type { RefreshResult } from "./refresh";
import { ROUNDS as REFRESH_ROUNDS } from "./refresh";
import type { BuildReport } from "./support/next-app";
import type { Machine } from "./support/machine";
import { mean, median, ms, percentile } from "./support/stats";
import { renderTable, type Table } from "./support/table";

export function refreshTable(result: RefreshResult): Table {
  const rows = result.rows.map(({ callers, split, rounds, tokenDelayMs }) => {
    const latencies = rounds.flatMap((round) => round.calls.map((call) => call.ms));
    const walls = rounds.map((round) => round.wallMs);
    return [
      tokenDelayMs ? `${callers}, token endpoint answers in ${tokenDelayMs / 1000} s` : callers,
      split.length === 1 ? `${split[0]} over 2 instances` : split.join(" + "),
      rounds.map((round) => round.refreshes).join(", ") + (rounds.length < REFRESH_ROUNDS ? ` (${rounds.length} rounds)` : ""),
      rounds.reduce((sum, round) => sum + round.failures.length, 0),
      `${ms(median(walls))} (max ${ms(Math.max(...walls))})`,
      `${ms(percentile(latencies, 50))} / ${ms(Math.max(...latencies))}`,
      [...new Set(rounds.map((round) => `v${round.version} ${round.status}`))].join(", "),
    ];
  });
  const failures = result.rows.flatMap((row) => row.rounds.flatMap((round) => round.failures));
  const tokenErrors = result.rows.reduce((sum, row) => sum + row.rounds.reduce((s, round) => s + round.tokenErrors, 0), 0);
  return {
    title: "1. Refresh single flight (expired 2-second token, concurrent withProviderToken → userinfo)",
    columns: ["N callers", "per process", `refresh calls, each of ${REFRESH_ROUNDS} rounds (target 1)`, "errors (target 0)", "wall ms, median of rounds", "caller ms p50 / max", "account row after"],
    rows,
    notes: [
      `Topology: ${result.topology}. Refresh calls are successful refresh_token grants counted by the provider (/__dev/stats); ` +
        `failed token requests: ${tokenErrors}. Wall time runs from the first call to the last answer, in the slower process; ` +
        "workers were warm (database pool open, discovery cached). It includes the N userinfo calls, which the provider " +
        "serves from the bench process on the same 2 cores.",
      ...(failures.length > 0 ? [`Errors seen: ${[...new Set(failures)].join("; ")}`] : []),
    ],
  };
}

export function overheadTable(result: OverheadResult): Table {
  const { cpuMs } = result;
  const row = (label: string, values: number[], cpu: number) => [label, ms(percentile(values, 50)), ms(percentile(values, 99)), ms(mean(values)), ms(cpu)];
  return {
    title: "1b. Valid-token path: withProviderToken(userinfo) vs fetch(userinfo) with the same token",
    columns: ["path", "p50 ms", "p99 ms", "mean ms", "CPU ms per call"],
    rows: [
      row("fetch(userinfo)", result.direct, cpuMs.direct),
      row("withProviderToken(…, fetch(userinfo))", result.wrapped, cpuMs.wrapped),
      [
        "added by withProviderToken",
        ms(percentile(result.wrapped, 50) - percentile(result.direct, 50)),
        ms(percentile(result.wrapped, 99) - percentile(result.direct, 99)),
        ms(mean(result.wrapped) - mean(result.direct)),
        ms(cpuMs.wrapped - cpuMs.direct),
      ],
      row("withProviderToken(…, no I/O) — its own cost", result.alone, cpuMs.alone),
    ],
    notes: [
      `${ITERATIONS} sequential iterations of each, interleaved, after ${WARMUP} warm-up pairs; one server process. ` +
        `Refresh calls during the run: ${result.refreshes} (expected 0); userinfo calls: ${result.userinfo}; failures: ${result.failures.length}. ` +
        "CPU per call is the worker process's own CPU (the provider runs in the bench process): steadier than wall time on a busy machine.",
    ],
  };
}

export function pagesTable(result: PagesResult, builds: BuildReport[]): Table {
  const row = (name: TargetName) => {
    const sample = result.samples[name];
    return [
      result.labels[name],
      `${(result.bytes[name] / 1024).toFixed(1)} KiB`,
      sample.requests,
      requestsPerSecond(sample).toFixed(0),
      ms(percentile(sample.latenciesMs, 50)),
      ms(percentile(sample.latenciesMs, 99)),
      ms(result.cpuMsPerRequest[name]),
      sample.failures,
    ];
  };
  const rounds = (target: TargetName) =>
    result.perRound.filter((round) => round.target === target).map((round) => round.rps.toFixed(0)).join(", ");
  const ratios = pageRatios(result);
  return {
    title: "2. Page throughput, `next start` (production builds), closed loop",
    columns: ["page", "HTML", "requests", "req/s", "p50 ms", "p99 ms", "server CPU ms/req", "failures"],
    rows: TARGETS.map(row),
    notes: [
      `Signed-in /about ÷ signed-out /about: **${ratios.session.toFixed(2)}** (goal ≥ 0.90); ` +
        `/settings/accounts ÷ signed-in /about: **${ratios.settings.toFixed(2)}** (goal ≥ 0.75); ` +
        `database ÷ JWT sessions: /about ${ratios.dbVsJwtAbout.toFixed(2)}, /settings/accounts ${ratios.dbVsJwtSettings.toFixed(2)} (goal ≥ 1.0).`,
      "Server CPU ms/req is the CPU time of the `next start` process tree during that page's rounds divided by its requests " +
        "(/proc, 10 ms ticks): steadier than req/s when other work shares the machine. PostgreSQL's own CPU is not in it.",
      `${CONCURRENCY} concurrent keep-alive clients in the bench process (on the same cores as the servers), ${WARMUP_MS / 1000} s warm-up per page, ` +
        `then ${PAGE_ROUNDS} rounds of ${ROUND_MS / 1000} s per page, the order rotating each round; the two builds run side by side, ` +
        `only the one being measured gets requests. req/s per round — ${TARGETS.map((name) => `${result.labels[name]}: ${rounds(name)}`).join("; ")}.`,
      `Builds: ${builds.map((build) => `\`next build\` into ${build.distDir} took ${(build.ms / 1000).toFixed(0)} s`).join(", ")}` +
        (builds[0]?.restored.length ? ` (afterwards put back what Next rewrote in ${builds[0].restored.join(" and ")})` : "") +
        builds.flatMap((build) => build.warnings).map((warning) => `; ${warning}`).join("") + ".",
    ],
  };
}

export function pageRatios(result: PagesResult) {
  const rps = (name: TargetName) => requestsPerSecond(result.samples[name]);
  return {
    session: rps("signedInAbout") / rps("signedOutAbout"),
    settings: rps("settings") / rps("signedInAbout"),
    dbVsJwtAbout: rps("signedInAbout") / rps("jwtAbout"),
    dbVsJwtSettings: rps("settings") / rps("jwtSettings"),
  };
}

export function coldStartTable(result: ColdStartResult): Table {
  const row = (label: string, kind: ColdKind) => [
    label,
    ms(median(result.firstAnswer[kind])),
    result.firstAnswer[kind].map((value) => value.toFixed(0)).join(", "),
    ms(median(result.ready[kind].filter(Number.isFinite))),
    ms(median(result.cpu[kind])),
  ];
  return {
    title: "4. Cold start: spawn `next start` → first correct answer",
    columns: ["first request", "median ms", "each run ms", "\"Ready\" printed, median ms", "server CPU to first answer, median ms"],
    rows: [row("/about signed out", "signedOut"), row("/settings/accounts signed in", "signedIn")],
    notes: [
      `Ratio signed-in ÷ signed-out: **${coldRatio(result).toFixed(2)}** (goal ≤ 1.1). ${COLD_RUNS} fresh processes of each kind, alternating; ` +
        "the client polls every 10 ms on a new connection from the moment of spawn; the answer must be 200 with the page's content. " +
        `CPU ratio (server process tree, spawn to first answer): ${(median(result.cpu.signedIn) / median(result.cpu.signedOut)).toFixed(2)} — steadier than wall time on a busy machine.`,
    ],
  };
}

export const coldRatio = (result: ColdStartResult) => median(result.firstAnswer.signedIn) / median(result.firstAnswer.signedOut);

/** The closing lines of RESULTS.md, in a fixed form so runs can be compared with grep. */
export function ratioLines(pages: PagesResult | undefined, cold: ColdStartResult | undefined): string[] {
  const two = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? "not measured" : value.toFixed(2));
  const ratios = pages ? pageRatios(pages) : undefined;
  return [
    `Ratio signed-in /about ÷ signed-out /about: ${two(ratios?.session)}`,
    `Ratio /settings/accounts ÷ signed-in /about: ${two(ratios?.settings)}`,
    `Ratio database sessions ÷ JWT sessions, /settings/accounts: ${two(ratios?.dbVsJwtSettings)}`,
    `Ratio cold start signed-in ÷ signed-out: ${two(cold ? coldRatio(cold) : undefined)}`,
  ];
}

export function queriesTable(result: QueriesResult): Table {
  if ("skipped" in result) {
    return { title: "3. Database statements per render", columns: ["result"], rows: [[`skipped: ${result.skipped}`]] };
  }
  return {
    title: "3. Database statements per render (counted on the PostgreSQL wire)",
    columns: ["request", "statements / request", "which (per request)"],
    rows: result.rows.map((row) => [
      row.label,
      row.perRequest.toFixed(2),
      row.byLabel.length === 0 ? "none" : row.byLabel.map((entry) => `${entry.statement} ×${formatCount(entry.perRequest)}`).join(", "),
    ]),
    notes: [
      `Query ('Q') + Execute ('E') messages seen by a proxy between \`next start\` and PostgreSQL, over ${REQUESTS} sequential requests ` +
        `after warm-up. Goal for the signed-in settings page: 2 (the session, the accounts).`,
    ],
  };
}

const formatCount = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

export function resultsMarkdown(input: {
  machine: Machine;
  date: string;
  command: string;
  database: string;
  load: { start: string; end: string };
  tables: Table[];
  ratios: string[];
}): string {
  const { machine } = input;
  return [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (see [README.md](README.md) for what each number means). Overwritten on every full run.",
    "",
    `- **Command:** \`${input.command}\``,
    `- **Date:** ${input.date}`,
    `- **Machine:** ${machine.cpu}, ${machine.cores} cores, ${machine.ram} RAM`,
    `- **Node:** ${machine.node}`,
    `- **OS:** ${machine.os}`,
    `- **Database:** ${input.database}`,
    `- **Load average (1 min)** at start / end: ${input.load.start} / ${input.load.end}` +
      (Number(input.load.start) > 0.5 ? " (other processes were using the CPU: expect noise)" : ""),
    "",
    ...input.tables.flatMap((table) => [renderTable(table), ""]),
    "### Ratios",
    "",
    ...input.ratios,
    "",
  ].join("\n");
}
