// A second instance of the browser suite's production build, for settings read when the server starts
// (connect-only providers, an extra provider): its own port, its own local providers and — on PGlite — its own
// embedded database (PGlite is one process at a time); on PostgreSQL it shares the test schema.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { startDevProviders } from "../../dev-providers/index.mjs";
import { startApp, tempPgliteDir } from "./app-server";
import { freePort } from "./free-port";

export interface OwnApp {
  origin: string;
  stop(): Promise<void>;
}

/** `env` is added to the suite's app environment; it may depend on this instance's origin. */
export async function startOwnApp(name: string, env: (origin: string) => Promise<Record<string, string>> | Record<string, string>): Promise<OwnApp> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const dev = await startDevProviders({ appOrigin: origin, ports: { acme: 0, globex: 0 } });
  const base = inject("appEnv");
  const app = await startApp(
    port,
    {
      ...base,
      AUTH_URL: origin,
      DEV_ACME_ISSUER: dev.providers[0].issuer,
      DEV_GLOBEX_ISSUER: dev.providers[1].issuer,
      ...(base.DATABASE_URL ? {} : { PGLITE_DATA_DIR: tempPgliteDir() }),
      ...(await env(origin)),
    },
    path.join(mkdtempSync(path.join(tmpdir(), `e2e-${name}-`)), "app.log"),
  );
  // Open this instance's database now (a fresh embedded PGlite is created and migrated on first use), so the
  // tests' first sign-in does not pay for it inside a navigation timeout. A session cookie makes the page read it.
  await fetch(`${origin}/settings/accounts`, { headers: { cookie: "authjs.session-token=warm-up" }, redirect: "manual" });
  return {
    origin,
    async stop() {
      await app.stop();
      await dev.close();
    },
  };
}
