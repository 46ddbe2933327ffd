// Habit (issue 10): every module that reads secrets or the database says so with `import "server-only"`,
// so a client component importing it fails the build instead of shipping it to the browser.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return relative === path.join("lib", "generated") ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** Imports that hand a module the database, the environment's secrets or the token keys. */
const SECRET_SOURCES = [
  /from "(@\/lib|\.\.?)\/db"/,
  /from "(@\/lib|\.\.?)\/env"/,
  /from "(@\/lib\/tokens|\.)\/(crypto|columns|keys)"/,
  /from "(@\/lib|\.\.)\/generated\/prisma\/client"/,
  /from "(@\/lib\/database|\.)\/raw-query"/,
];

describe("server-only", () => {
  const files = sourceFiles("lib");

  it("finds the modules it checks", () => {
    expect(files).toContain(path.join("lib", "tokens", "crypto.ts"));
  });

  it.each(files)("%s imports server-only if it reads secrets or the database", (file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    if (!SECRET_SOURCES.some((pattern) => pattern.test(source))) return;
    expect(source).toMatch(/^import "server-only";$/m);
  });

  it.each([["lib/tokens/keys.ts"], ["lib/tokens/refresh-grant.ts"], ["lib/env.ts"], ["lib/db.ts"]])(
    "%s imports server-only",
    (file) => expect(readFileSync(path.join(root, file), "utf8")).toMatch(/^import "server-only";$/m),
  );
});
