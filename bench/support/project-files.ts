// `next build` edits two project files for the dist dir it builds into: it adds "<distDir>/types/**/*.ts"
// (and the dev variant) to tsconfig.json's "include", and points next-env.d.ts at "<distDir>/types". Those
// files are not the bench's, so after building into .next-bench we put back exactly what Next changed —
// and leave the file alone if anything else changed meanwhile (someone may be editing it).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export async function withProjectFilesKept<T>(root: string, distDir: string, work: () => Promise<T>): Promise<{ result: T; restored: string[]; warnings: string[] }> {
  const tsconfig = path.join(root, "tsconfig.json");
  const nextEnv = path.join(root, "next-env.d.ts");
  const before = { tsconfig: read(tsconfig), nextEnv: read(nextEnv) };
  const result = await work();
  const restored: string[] = [];
  const warnings: string[] = [];

  const tsconfigNow = read(tsconfig);
  if (before.tsconfig !== undefined && tsconfigNow !== undefined && tsconfigNow !== before.tsconfig) {
    if (onlyDistDirIncludesAdded(before.tsconfig, tsconfigNow, distDir)) {
      writeFileSync(tsconfig, before.tsconfig);
      restored.push("tsconfig.json");
    } else {
      warnings.push("tsconfig.json changed during the build beyond Next's dist-dir includes; left as it is");
    }
  }
  const nextEnvNow = read(nextEnv);
  if (before.nextEnv !== undefined && nextEnvNow !== undefined && nextEnvNow !== before.nextEnv) {
    if (nextEnvNow.includes(`./${distDir}/`)) {
      writeFileSync(nextEnv, before.nextEnv);
      restored.push("next-env.d.ts");
    } else {
      warnings.push("next-env.d.ts changed during the build, not by this build; left as it is");
    }
  }
  return { result, restored, warnings };
}

function read(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

/** True when `after` is `before` plus "include" entries under distDir and nothing else. */
function onlyDistDirIncludesAdded(before: string, after: string, distDir: string): boolean {
  try {
    const parsed = JSON.parse(after) as { include?: unknown };
    if (Array.isArray(parsed.include)) {
      parsed.include = parsed.include.filter((entry) => !(typeof entry === "string" && entry.startsWith(`${distDir}/`)));
    }
    return JSON.stringify(parsed) === JSON.stringify(JSON.parse(before));
  } catch {
    return false; // not plain JSON (comments): do not touch it
  }
}
