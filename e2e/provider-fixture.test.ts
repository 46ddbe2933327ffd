// Adding a provider is one declaration file: e2e/fixtures/providers/initech.ts, built into the browser suite's
// app (e2e/support/app-server.ts) and turned on here by its one variable, E2E_INITECH_ISSUER. Nothing else in the
// app names it, yet it is offered on /sign-in and on Settings, and Connect sends the person to its issuer.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { startDevProviders } from "../dev-providers/index.mjs";
import { startApp, tempPgliteDir, type AppProcess } from "./support/app-server";
import { launchBrowser, signIn } from "./support/browser";
import { freePort } from "./support/free-port";

let browser: Browser;
let app: AppProcess;
let dev: Awaited<ReturnType<typeof startDevProviders>>;
let origin: string;

beforeAll(async () => {
  const port = await freePort();
  origin = `http://localhost:${port}`;
  dev = await startDevProviders({ appOrigin: origin, ports: { acme: 0, globex: 0 } });
  const base = inject("appEnv");
  const env: Record<string, string> = {
    ...base,
    AUTH_URL: origin,
    DEV_ACME_ISSUER: dev.providers[0].issuer,
    DEV_GLOBEX_ISSUER: dev.providers[1].issuer,
    // The fixture is an OpenID Connect provider; Globex's issuer stands in for Initech's.
    E2E_INITECH_ISSUER: dev.providers[1].issuer,
    ...(base.DATABASE_URL ? {} : { PGLITE_DATA_DIR: tempPgliteDir() }),
  };
  app = await startApp(port, env, path.join(mkdtempSync(path.join(tmpdir(), "e2e-provider-fixture-")), "app.log"));
  await fetch(`${origin}/settings/accounts`, { headers: { cookie: "authjs.session-token=warm-up" }, redirect: "manual" });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await dev?.close();
});

describe("a provider added by one declaration file", () => {
  it("is offered on /sign-in with its own logo", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${origin}/sign-in`);
    const button = page.getByRole("button", { name: "Continue with Initech ID" });
    await expect(button.isVisible()).resolves.toBe(true);
    await expect(button.locator('svg[data-provider-logo="initech"]').getAttribute("aria-hidden")).resolves.toBe("true");
    await page.context().close();
  });

  it("can be connected from Settings: Connect sends the person to its issuer with its own callback", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, origin, "Acme ID", "peter");
    await page.goto(`${origin}/settings/accounts`);
    const item = page.getByRole("listitem", { name: "Initech ID", exact: true });
    await expect(item.locator('svg[data-provider-logo="initech"]').count()).resolves.toBe(1);
    const issuer = new URL(dev.providers[1].issuer);
    const [authorization] = await Promise.all([
      page.waitForRequest((request) => new URL(request.url()).origin === issuer.origin && new URL(request.url()).searchParams.has("redirect_uri")),
      item.getByRole("button", { name: "Connect", exact: true }).click(),
    ]);
    const params = new URL(authorization.url()).searchParams;
    expect(params.get("redirect_uri")).toBe(`${origin}/api/auth/callback/initech`);
    expect(params.get("client_id")).toBe("dev-app");
    expect(params.get("code_challenge_method")).toBe("S256");
    await page.context().close();
  });
});
