// Adding a provider is one declaration file: e2e/fixtures/providers/initech.ts, built into the browser suite's
// app (e2e/support/app-server.ts) and turned on here by its one variable, E2E_INITECH_ISSUER. Nothing else in the
// app names it, yet it is offered on /sign-in and on Settings, and a person can connect it and call its API.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { DEV_CLIENT, SCOPES } from "../dev-providers/index.mjs";
import { createInteractions } from "../dev-providers/interactions.mjs";
import { createProvider } from "../dev-providers/provider.mjs";
import { createStats } from "../dev-providers/stats.mjs";
import { openStore } from "../dev-providers/store.mjs";
import { completeProviderLogin, launchBrowser, signIn } from "./support/browser";
import { startOwnApp, type OwnApp } from "./support/own-app";

let browser: Browser;
let app: OwnApp;
let initech: Server;
let origin: string;

/** Initech's issuer: the local providers' oidc-provider setup under its own id, so its callback is Initech's. */
async function startInitechIssuer(appOrigin: string): Promise<string> {
  initech = createServer();
  await new Promise<void>((resolve) => initech.listen(0, "127.0.0.1", resolve));
  const issuer = `http://localhost:${(initech.address() as AddressInfo).port}`;
  const brand = { name: "Initech ID", color: "#b45309", colorDark: "#92400e", tint: "#fef3c7" };
  const store = openStore(undefined);
  const provider = createProvider({
    id: "initech", issuer, appOrigin, accessTokenTtl: () => 300, claimsInUserinfoOnly: false, brand, client: DEV_CLIENT, store, stats: createStats(),
  });
  const interactions = createInteractions({ provider, brand, scopes: SCOPES, accounts: { set: store.setAccount } });
  const oidc = provider.callback();
  initech.on("request", (req, res) => (req.url?.startsWith("/interaction/") ? void interactions.handle(req, res) : oidc(req, res)));
  return issuer;
}

beforeAll(async () => {
  app = await startOwnApp("provider-fixture", async (appOrigin) => ({ E2E_INITECH_ISSUER: await startInitechIssuer(appOrigin) }));
  origin = app.origin;
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise((resolve) => (initech ? initech.close(resolve) : resolve(undefined)));
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

  it("can be connected from Settings, and Call API reaches its userinfo", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, origin, "Acme ID", "peter");
    await page.goto(`${origin}/settings/accounts`);
    const offer = page.getByRole("listitem", { name: "Initech ID", exact: true });
    await expect(offer.locator('svg[data-provider-logo="initech"]').count()).resolves.toBe(1);
    await offer.getByRole("button", { name: "Connect", exact: true }).click();
    await completeProviderLogin(page, "peter-initech");
    await page.waitForURL((url) => url.origin === origin && url.pathname === "/settings/accounts");
    const connection = page.getByRole("listitem", { name: "Initech ID: peter-initech", exact: true });
    await connection.getByRole("button", { name: "Call API" }).click();
    await expect.poll(() => connection.getByRole("status").textContent()).toBe("API call succeeded: userinfo for peter-initech");
    await page.context().close();
  });
});
