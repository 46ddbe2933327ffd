// What the page measurements share: signed-in people, each with a connected account and a session row, written
// straight into the bench database, and production builds that `next start` can serve against it: the app
// as users run it (database sessions) and, for the comparison, the same app built with JWT sessions.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { openPglite, postgresConfig, postgresRunner } from "../../lib/database/connect";
import type { SqlRunner } from "../../lib/database/migrate";
import { obtainTokens } from "../../tests/support/oidc-client";
import { freePort } from "../../e2e/support/free-port";
import { onCleanup } from "./cleanup";
import { databaseEnv, type BenchDatabase } from "./database";
import { buildApp, DIST_DIR, JWT_DIST_DIR, spawnApp, startApp, type BuildReport, type RunningApp } from "./next-app";
import { childEnv } from "./processes";
import { startProviders } from "./providers";

const SESSION_COOKIE = "authjs.session-token";
/**
 * Signed-in people the load is spread over, one per load client: a server is used by many people at once, and
 * one session sent by every client would let anything per-session (a cache, a batch) look better than it is.
 */
const PEOPLE = 16;

export interface AppBuild {
  /** The Cookie header of the first person's session, in the form this build reads. */
  cookie: string;
  /** Every person's Cookie header (the first is `cookie`). */
  cookies: string[];
  build: BuildReport;
  /** `next start` on this build, resolved once it answers. */
  start(label: string, overrides?: Record<string, string>): Promise<RunningApp>;
  /** `next start` on this build, not waited for (cold-start measurement). */
  spawn(label: string): ReturnType<typeof spawnApp>;
  /** `next build` of the working tree into another dist dir, with this build's settings (bench/ab.ts). */
  buildAnother(distDir: string): Promise<BuildReport>;
  /** `next start` serving that other build on a port of its own, beside this one. */
  startAnother(label: string, distDir: string, overrides?: Record<string, string>): Promise<RunningApp>;
}

export interface AppFixture extends AppBuild {
  /** Shown by /settings/accounts for the first person's connected account: proof the page rendered signed in. */
  username: string;
  /** The JWT build, when asked for. */
  jwt?: AppBuild;
}

interface Person {
  userId: string;
  username: string;
  sessionToken: string;
}

export async function prepareApp(database: BenchDatabase, options: { jwt: boolean }, log: (line: string) => void): Promise<AppFixture> {
  // The settings page only lists providers; tokens are not used, so the default 5-minute lifetime is fine.
  const providers = await startProviders(300, "providers (pages)");
  const username = `bench-pages-${Date.now().toString(36)}`;
  const tokens = await obtainTokens(providers.acme, { username });
  // Loaded now, not at the top: lib/tokens reads AUTH_SECRET when imported, and run.ts sets it first.
  const { seedConnectedUser, seedSession } = await import("../../tests/support/seed");
  // The pages never use the tokens, so every person's account holds the same ones.
  const seed = async (sql: SqlRunner) => {
    const people: Person[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const name = i === 0 ? username : `${username}-${i}`;
      const { userId } = await seedConnectedUser(sql, { provider: "acme", username: name, tokens, issuedAtMs: Date.now() });
      people.push({ userId, username: name, sessionToken: await seedSession(sql, userId) });
    }
    return people;
  };

  let seeded: Person[];
  let pgliteDir: string | undefined;
  if (database.mode === "postgres") {
    const client = new pg.Client(postgresConfig(database.url).pool);
    await client.connect();
    try {
      seeded = await seed(postgresRunner(client));
    } finally {
      await client.end();
    }
  } else {
    // PGlite is single-process: write the rows, close it, and only then let `next start` open the folder.
    const folder = mkdtempSync(path.join(tmpdir(), "bench-pglite-"));
    onCleanup("pglite folder", () => rmSync(folder, { recursive: true, force: true }));
    pgliteDir = path.join(folder, "db");
    const client = await openPglite(pgliteDir);
    try {
      seeded = await seed(client);
    } finally {
      await client.close();
    }
  }

  const appBuild = async (distDir: string, strategy: "database" | "jwt", cookieValues: string[]): Promise<AppBuild> => {
    const port = await freePort();
    // BENCH_SESSION_STRATEGY is read at build time only (next.config.js inlines it); never set it for the real app.
    const env = {
      AUTH_URL: `http://localhost:${port}`,
      ...providers.env,
      ...databaseEnv(database, pgliteDir),
      BENCH_SESSION_STRATEGY: strategy === "jwt" ? "jwt" : undefined,
    };
    log(`  next build into ${distDir} (${strategy} sessions)…`);
    const build = await buildApp(childEnv(env), distDir);
    log(`  built in ${(build.ms / 1000).toFixed(0)} s`);
    return {
      cookie: `${SESSION_COOKIE}=${cookieValues[0]}`,
      cookies: cookieValues.map((value) => `${SESSION_COOKIE}=${value}`),
      build,
      start: (label, overrides = {}) => startApp(port, childEnv({ ...env, ...overrides }), label, distDir),
      spawn: (label) => spawnApp(port, childEnv(env), label, distDir),
      buildAnother: (otherDir) => buildApp(childEnv(env), otherDir),
      startAnother: async (label, otherDir, overrides = {}) => startApp(await freePort(), childEnv({ ...env, ...overrides }), label, otherDir),
    };
  };

  const main = await appBuild(DIST_DIR, "database", seeded.map((person) => person.sessionToken));
  let jwt: AppBuild | undefined;
  if (options.jwt) {
    // What Auth.js itself writes at sign-in with the JWT strategy: an encrypted JWT, salted with the cookie name.
    const tokens = await Promise.all(seeded.map((person) => encode({
      token: { sub: person.userId, name: person.username, email: `${person.username}@example.test` },
      secret: process.env.AUTH_SECRET ?? "",
      salt: SESSION_COOKIE,
    })));
    jwt = await appBuild(JWT_DIST_DIR, "jwt", tokens);
  }
  return { ...main, username, jwt };
}
