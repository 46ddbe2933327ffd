// Starts what a person's browser talks to: the local identity providers and one production build of
// the app (`next build && next start`) on a fresh database — PGlite, or PostgreSQL with TEST_DATABASE_URL.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startDevProviders } from "../../dev-providers/index.mjs";
import { createTestSchema } from "../../tests/support/test-database";
import { buildApp, startApp, tempPgliteDir } from "./app-server";
import { freePort } from "./free-port";

declare module "vitest" {
  export interface ProvidedContext {
    appOrigin: string;
    issuers: { acme: string; globex: string };
    databaseUrl: string | null;
    appLogFile: string;
    /** The app's environment, to start more instances of the same deployment. */
    appEnv: Record<string, string>;
  }
}

/**
 * Long, so no test's "exactly one refresh" depends on how fast a busy machine is: a refreshed token never
 * reaches its last quarter within a test. The one test that waits for an expiry shortens the lifetime for its
 * own connection only (PUT /__dev/access-token-ttl) and restores this value.
 */
export const E2E_ACCESS_TOKEN_TTL = 300;
export const E2E_AUTH_SECRET = "e2e-secret-that-is-long-enough-0123456789";
/** Production requires its own token keys (lib/env.ts); a fixed test key, so helpers can decrypt what the app stored. */
export const E2E_TOKEN_KEYS = `e2e:${Buffer.alloc(32, 42).toString("base64")}`;

export default async function setup(project: TestProject) {
  const appPort = await freePort();
  const appOrigin = `http://localhost:${appPort}`;
  const dev = await startDevProviders({ appOrigin, ports: { acme: 0, globex: 0 }, accessTokenTtl: E2E_ACCESS_TOKEN_TTL });
  const [acme, globex] = dev.providers;
  const schema = process.env.TEST_DATABASE_URL ? await createTestSchema(process.env.TEST_DATABASE_URL, "e2e") : null;
  const env = {
    AUTH_SECRET: E2E_AUTH_SECRET,
    TOKEN_ENCRYPTION_KEYS: E2E_TOKEN_KEYS,
    AUTH_URL: appOrigin,
    AUTH_DEV_PROVIDERS: "1",
    // The whole suite signs in hundreds of times from one address; the per-IP limit itself is tested in tests/.
    AUTH_RATE_LIMIT_PER_IP: "100000",
    DEV_ACME_ISSUER: acme.issuer,
    DEV_GLOBEX_ISSUER: globex.issuer,
    ...(schema ? { DATABASE_URL: schema.url } : { PGLITE_DATA_DIR: tempPgliteDir() }),
  };
  buildApp(env);
  const appLogFile = path.join(mkdtempSync(path.join(tmpdir(), "e2e-logs-")), "app.log");
  const app = await startApp(appPort, env, appLogFile);
  project.provide("appOrigin", appOrigin);
  project.provide("issuers", { acme: acme.issuer, globex: globex.issuer });
  project.provide("databaseUrl", schema?.url ?? null);
  project.provide("appLogFile", appLogFile);
  project.provide("appEnv", env);
  return async () => {
    await app.stop();
    await dev.close();
    await schema?.drop();
  };
}
