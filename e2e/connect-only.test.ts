// A deployment where Globex ID is connect-only (DEV_GLOBEX_CONNECT_ONLY=1): the same production build started
// with its own local providers and database, because the setting is read when the server starts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { completeProviderLogin, launchBrowser, signIn } from "./support/browser";
import { startOwnApp, type OwnApp } from "./support/own-app";

let browser: Browser;
let app: OwnApp;
let origin: string;

beforeAll(async () => {
  app = await startOwnApp("connect-only", () => ({ DEV_GLOBEX_CONNECT_ONLY: "1" }));
  origin = app.origin;
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
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
