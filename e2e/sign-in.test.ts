import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, signIn } from "./support/browser";

const appOrigin = inject("appOrigin");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("signing in and out", () => {
  it("sends a signed-out visitor from the home page to sign-in, listing every local provider", async () => {
    const page = await browser.newPage();
    await page.goto(appOrigin);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await expect(page.getByRole("button", { name: "Continue with Acme ID" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Continue with Globex ID" }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("signs in with Acme ID, shows the person's name, and signs out", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, appOrigin, "Acme ID", "ada");
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Welcome, Ada");
    await expect(page.getByTestId("current-user").textContent()).resolves.toContain("Ada");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.origin === appOrigin && url.pathname === "/sign-in");
    await page.goto(appOrigin);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await expect(page.getByTestId("current-user").count()).resolves.toBe(0);
    await context.close();
  });

  it("keeps signed-out visitors away from settings", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${appOrigin}/settings/accounts`);
    expect(response?.ok()).toBe(true);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/sign-in");
    expect(url.searchParams.get("callbackUrl")).toBe("/settings/accounts");
    await page.close();
  });
});
