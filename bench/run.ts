// `npm run bench [-- refresh|overhead|pages|queries|coldstart …]`: runs the measurements (all by default), prints
// a table after each, and on a full run rewrites bench/RESULTS.md. See bench/README.md.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { measureColdStart, type ColdStartResult } from "./cold-start";
import { measureOverhead } from "./overhead";
import { measurePages, type PagesResult } from "./pages";
import { measureQueries } from "./queries";
import { measureRefresh } from "./refresh";
import { measureTokenApi, tokenApiTable } from "./token-api";
import { coldStartTable, overheadTable, pagesTable, queriesTable, ratioLines, refreshTable, resultsMarkdown } from "./report";
import { prepareApp, type AppFixture } from "./support/app-fixture";
import { cleanUp } from "./support/cleanup";
import { describeDatabase, openBenchDatabase } from "./support/database";
import { describeMachine, loadAverage } from "./support/machine";
import { renderTable, type Table } from "./support/table";

const MEASUREMENTS = ["refresh", "overhead", "token-api", "pages", "queries", "coldstart"] as const;
type Measurement = (typeof MEASUREMENTS)[number];

const args = process.argv.slice(2);
const unknown = args.filter((arg) => !(MEASUREMENTS as readonly string[]).includes(arg));
if (unknown.length > 0) {
  console.error(`Unknown measurement ${unknown.join(", ")}. Usage: npm run bench [-- ${MEASUREMENTS.join("|")} …]`);
  process.exit(2);
}
const selected = new Set<Measurement>(args.length > 0 ? (args as Measurement[]) : MEASUREMENTS);
const fullRun = selected.size === MEASUREMENTS.length;
const command = `npm run bench${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`;

// Set before any lib/ module loads (lib/env reads the environment once); children inherit it.
// A throwaway secret: the bench's rows are encrypted with a key derived from it and dropped afterwards.
process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
// Production builds (next start) require their own token keys; a throwaway one, like the secret.
process.env.TOKEN_ENCRYPTION_KEYS = `bench:${randomBytes(32).toString("base64")}`;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up…`);
    void cleanUp().then(() => process.exit(130));
  });
}

const log = (line: string) => console.log(line);
const tables: Table[] = [];
const show = (table: Table) => {
  tables.push(table);
  console.log(`\n${renderTable(table)}\n`);
};

let exitCode = 0;
try {
  const machine = describeMachine();
  const date = new Date().toISOString();
  const loadAtStart = loadAverage();
  console.log(`${machine.cpu}, ${machine.cores} cores, ${machine.ram}, Node ${machine.node}, ${machine.os}; load average ${loadAtStart}`);
  const database = await openBenchDatabase();
  if (database.mode === "pglite") {
    console.log(`\n!! ${database.reason}.\n!! Falling back to embedded PGlite: the refresh runs in ONE process with two app instances,`);
    console.log("!! and database statements cannot be counted. Set BENCH_DATABASE_URL to a reachable server for the real thing.\n");
  }
  console.log(`Database: ${describeDatabase(database)}`);

  if (selected.has("refresh")) {
    log("\n1. Refresh single flight");
    show(refreshTable(await measureRefresh(database, log)));
  }
  if (selected.has("overhead")) {
    log("\n1b. Valid-token path overhead");
    show(overheadTable(await measureOverhead(database)));
  }
  if (selected.has("token-api")) {
    log("\n4. Token API added latency");
    show(tokenApiTable(await measureTokenApi(database)));
  }
  let pages: PagesResult | undefined;
  let cold: ColdStartResult | undefined;
  if (selected.has("pages") || selected.has("queries") || selected.has("coldstart")) {
    log("\nBuilding the app (next build)…");
    const fixture: AppFixture = await prepareApp(database, { jwt: selected.has("pages") }, log);
    if (selected.has("pages")) {
      log("\n2. Page throughput");
      pages = await measurePages(fixture, log);
      show(pagesTable(pages, [fixture.build, ...(fixture.jwt ? [fixture.jwt.build] : [])]));
    }
    if (selected.has("queries")) {
      log("\n3. Database statements per render");
      show(queriesTable(await measureQueries(fixture, database, log)));
    }
    if (selected.has("coldstart")) {
      log("\n4. Cold start");
      cold = await measureColdStart(fixture, log);
      show(coldStartTable(cold));
    }
  }
  const ratios = ratioLines(pages, cold);
  console.log(`\n${ratios.join("\n")}\n`);

  if (fullRun) {
    const file = path.join(import.meta.dirname, "RESULTS.md");
    const load = { start: loadAtStart, end: loadAverage() };
    writeFileSync(file, resultsMarkdown({ machine, date, command, database: describeDatabase(database), load, tables, ratios }));
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  } else {
    console.log("Partial run: bench/RESULTS.md left as it was (only `npm run bench` with no arguments rewrites it).");
  }
} catch (error) {
  console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
