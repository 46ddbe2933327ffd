// A deployment where Globex ID is connect-only (DEV_GLOBEX_CONNECT_ONLY=1): the same production build started
// with its own local providers and database, because the setting is read when the server starts.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startDevProviders } from "../dev-providers/index.mjs";
import { startApp, tempPgliteDir, type AppProcess } from "./support/app-server";
import { completeProviderLogin, launchBrowser, signIn } from "./support/browser";
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
    DEV_GLOBEX_CONNECT_ONLY: "1",
    // Its own embedded database (PGlite is one process at a time); on PostgreSQL it shares the test schema.
    ...(base.DATABASE_URL ? {} : { PGLITE_DATA_DIR: tempPgliteDir() }),
  };
  app = await startApp(port, env, path.join(mkdtempSync(path.join(tmpdir(), "e2e-connect-only-")), "app.log"));
  // Open this instance's database now (a fresh embedded PGlite is created and migrated on first use), so the
  // tests' first sign-in does not pay for it inside a navigation timeout. A session cookie makes the page read it.
  await fetch(`${origin}/settings/accounts`, { headers: { cookie: "authjs.session-token=warm-up" }, redirect: "manual" });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await dev?.close();
});

/** Starts an Auth.js sign-in through `provider` the way a crafted request would: no button on our pages offers it. */
async function forceSignIn(page: Page, provider: string) {
  await page.goto(`${origin}/api/auth/csrf`);
  const { csrfToken } = JSON.parse((await page.locator("body").textContent()) ?? "{}") as { csrfToken: string };
  await page.evaluate(
    ([action, token]) => {
      const form = document.createElement("form");
      form.method = "post";
      form.action = action;
      const input = Object.assign(document.createElement("input"), { name: "csrfToken", value: token });
      form.append(input);
      document.body.append(form);
      form.submit();
    },
    [`${origin}/api/auth/signin/${provider}`, csrfToken] as const,
  );
}

describe("a connect-only provider", () => {
  it("is not offered on /sign-in, and a sign-in through it is refused with a clear message", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${origin}/sign-in`);
    await expect(page.getByRole("button", { name: "Continue with Acme ID" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Continue with Globex ID" }).count()).resolves.toBe(0);

    await forceSignIn(page, "globex");
    await completeProviderLogin(page, "ivy-globex");
    await page.waitForURL((url) => url.origin === origin && url.pathname === "/sign-in");
    await expect(page.getByRole("alert").filter({ hasText: /\S/ }).textContent()).resolves.toContain(
      "That provider can only be connected to an account, not used to sign in.",
    );
    await expect(page.getByTestId("current-user").count()).resolves.toBe(0);
    await page.context().close();
  });

  it("can still be connected from Settings, without a Use to sign in switch, and then still cannot sign in", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, origin, "Acme ID", "ivy");
    await page.goto(`${origin}/settings/accounts`);
    await page.getByRole("listitem", { name: "Globex ID", exact: true }).getByRole("button", { name: "Connect", exact: true }).click();
    await completeProviderLogin(page, "ivy-linked");
    await page.waitForURL((url) => url.origin === origin && url.pathname === "/settings/accounts");
    const globex = page.getByRole("listitem", { name: "Globex ID: ivy-linked", exact: true });
    await expect(globex.isVisible()).resolves.toBe(true);
    await expect(globex.getByRole("switch", { name: "Use to sign in" }).count()).resolves.toBe(0);

    const other = await (await browser.newContext()).newPage();
    await forceSignIn(other, "globex");
    await completeProviderLogin(other, "ivy-linked");
    await other.waitForURL((url) => url.origin === origin && url.pathname === "/sign-in");
    await expect(other.getByRole("alert").filter({ hasText: /\S/ }).textContent()).resolves.toContain("can only be connected");
    await page.context().close();
    await other.context().close();
  });
});
