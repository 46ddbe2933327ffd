import { readFileSync, statSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { browserForFile, signIn } from "./support/browser";

const appOrigin = inject("appOrigin");
const appLogFile = inject("appLogFile");

/** What the app logs while `action` runs (polled until `until` appears in it). */
async function logDuring(action: () => Promise<void>, until: RegExp): Promise<string> {
  const start = statSync(appLogFile).size;
  await action();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const written = readFileSync(appLogFile).subarray(start).toString("utf8");
    if (until.test(written) || Date.now() > deadline) return written;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const browser = browserForFile();

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

  it("brings a person who cancels at the provider back to sign-in with a message shown once, logging one line", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${appOrigin}/sign-in?callbackUrl=/settings/activity`);
    await page.getByRole("button", { name: "Continue with Globex ID" }).click();
    const log = await logDuring(async () => {
      await page.getByRole("button", { name: "Cancel" }).click();
      await page.waitForURL((url) => url.origin === appOrigin && url.pathname === "/sign-in");
    }, /OAuthCallbackError/);
    const url = new URL(page.url());
    expect(url.searchParams.get("callbackUrl")).toBe("/settings/activity");
    expect(url.searchParams.has("error")).toBe(false);
    await expect(page.getByTestId("flash-notice").textContent()).resolves.toBe("You cancelled at Globex ID. Nothing was changed.");
    // A notice, not the generic "did not complete" error Auth.js's error code would have shown.
    await expect(page.getByTestId("flash-notice").getAttribute("role")).resolves.toBe("status");
    await expect(page.getByText("The provider did not complete the sign-in").count()).resolves.toBe(0);

    const lines = log.split("\n").filter((line) => line.trim());
    expect(lines.filter((line) => line.includes("OAuthCallbackError"))).toEqual([
      "[auth] OAuthCallbackError: OAuth Provider returned an error",
    ]);
    expect(lines.filter((line) => /^\s+at\s/.test(line))).toEqual([]);

    await page.reload();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await expect(page.getByTestId("flash-notice").count()).resolves.toBe(0);
    await context.close();
  });

  it("brings a signed-in person who cancels a connect back to the settings page they started from", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, appOrigin, "Acme ID", "cancel-connect");
    await page.goto(`${appOrigin}/settings/accounts`);
    const globex = page.getByRole("listitem", { name: "Globex ID", exact: true });
    await globex.getByRole("button", { name: "Connect", exact: true }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.waitForURL((url) => url.origin === appOrigin && url.pathname === "/settings/accounts");
    await expect(page.getByTestId("flash-notice").textContent()).resolves.toBe("You cancelled at Globex ID. Nothing was changed.");
    await expect(globex.getByRole("button", { name: "Connect", exact: true }).isVisible()).resolves.toBe(true);
    await page.reload();
    await page.getByRole("heading", { name: "Connected accounts" }).waitFor();
    await expect(page.getByTestId("flash-notice").count()).resolves.toBe(0);
    await context.close();
  });
});
