// Every production route ships what its trace lists (Vercel builds each function from these .nft.json files).
// A route that grows past 20 MB fails here: it used to be 84 MB of Prisma engines for five databases and PGlite.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { distDir } from "./support/app-server";

const LIMIT_BYTES = 20e6;

function traceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".nft.json"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The files one trace lists, resolved from the trace's folder. */
function listed(trace: string): string[] {
  const { files } = JSON.parse(readFileSync(trace, "utf8")) as { files: string[] };
  return files.map((file) => path.resolve(path.dirname(trace), file));
}

const sizeOf = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + (statSync(file, { throwIfNoEntry: false })?.size ?? 0), 0);

describe("production function size", () => {
  it("keeps every route's trace, with the shared server files, at or under 20 MB", () => {
    // Vercel runs functions on Next's minimal server (next-server.js.nft.json is for `next start`: image
    // optimisation with sharp and font metrics, which a function does not carry).
    const shared = listed(path.join(distDir, "next-minimal-server.js.nft.json"));
    const routes = traceFiles(path.join(distDir, "server", "app"));
    expect(routes.length).toBeGreaterThan(5);
    const sizes = routes.map((trace) => {
      const files = new Set([...shared, ...listed(trace), trace.replace(/\.nft\.json$/, "")]);
      return { route: path.relative(distDir, trace), megabytes: Math.round(sizeOf(files) / 1e5) / 10, files: [...files] };
    });
    const largest = sizes.reduce((a, b) => (b.megabytes > a.megabytes ? b : a));
    console.log(`Largest route trace: ${largest.route} ${largest.megabytes} MB`);
    expect(sizes.filter((size) => size.megabytes * 1e6 > LIMIT_BYTES).map(({ route, megabytes }) => `${route}: ${megabytes} MB`)).toEqual([]);
    // What production must never load.
    const everything = sizes.flatMap((size) => size.files);
    expect(everything.filter((file) => /@electric-sql[\\/]pglite[\\/]|query_(engine|compiler)_bg\.(mysql|sqlite|sqlserver|cockroachdb)/.test(file))).toEqual([]);
  });
});
