import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Response } from "playwright-core";
import { completeProviderLogin, launchBrowser, signIn } from "./support/browser";
import { devStats, setAccessTokenTtl } from "../tests/support/oidc-client";
import { E2E_ACCESS_TOKEN_TTL } from "./support/global-setup";
import { storedTokens } from "./support/stored-tokens";

const appOrigin = inject("appOrigin");
const issuers = inject("issuers");
const databaseUrl = inject("databaseUrl");
/** Long enough to connect and call once on a busy machine before it expires, short enough to wait for. */
const SHORT_TTL = 8;
let browser: Browser;
let context: BrowserContext;
const bodies: string[] = [];
const reading: Promise<unknown>[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  // Every same-origin response the browser receives: HTML, server component payloads, scripts.
  context.on("response", (response: Response) => {
    if (new URL(response.url()).origin !== appOrigin || response.status() >= 300) return;
    bodies.push(response.url());
    reading.push(response.text().then((text) => bodies.push(text), () => {}));
  });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("provider tokens, from the browser", () => {
  it("calls Globex's API, waits for the token to expire, calls again: exactly one refresh", async () => {
    const page = await context.newPage();
    await signIn(page, appOrigin, "Acme ID", "tina");
    await page.goto(`${appOrigin}/settings/accounts`);
    // Only this connection's first token is short-lived, so the test can watch it expire; the refreshed one
    // lives E2E_ACCESS_TOKEN_TTL again, so nothing here depends on how quickly the calls after the refresh run.
    await setAccessTokenTtl(issuers.globex, SHORT_TTL);
    try {
      await page.getByRole("listitem", { name: "Globex ID", exact: true }).getByRole("button", { name: "Connect", exact: true }).click();
      await completeProviderLogin(page, "tina-globex");
      await page.waitForURL((url) => url.pathname === "/settings/accounts");
    } finally {
      await setAccessTokenTtl(issuers.globex, E2E_ACCESS_TOKEN_TTL);
    }
    // Each connection is its own list item, named by provider and identity.
    const globex = page.getByRole("listitem", { name: "Globex ID: tina-globex", exact: true });

    await globex.getByRole("button", { name: "Call API" }).click();
    const status = globex.getByRole("status");
    // No claim about refreshes here: with a token of a few seconds, whether this call had to refresh depends on timing.
    await expect(status.textContent()).resolves.toBe("API call succeeded: userinfo for tina-globex");

    // Wait for the condition, not a fixed time: the page's health says "Expired" once the token is past expiry.
    await expect
      .poll(async () => (await page.reload(), globex.getByTestId("connection-status").textContent()), { timeout: 20_000 })
      .toBe("Expired");
    const refreshesBefore = (await devStats(issuers.globex)).token.refresh_token ?? 0;
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/settings/accounts")),
      globex.getByRole("button", { name: "Call API" }).click(),
    ]);
    await globex.getByRole("button", { name: "Call API" }).waitFor(); // back from "Calling…"
    await expect.poll(() => status.textContent()).toBe("API call succeeded: userinfo for tina-globex");
    expect((await devStats(issuers.globex)).token.refresh_token ?? 0).toBe(refreshesBefore + 1);
    await expect(globex.textContent()).resolves.not.toContain("Last refreshedNever");
  });

  it("never sends a token to the browser: not in HTML, payloads or scripts", async () => {
    const page = await context.newPage();
    await page.goto(`${appOrigin}/settings/accounts`);
    await page.goto(`${appOrigin}/settings/activity`);
    await page.close();
    await Promise.all(reading); // every body read has finished (each settles, success or not)
    const everything = bodies.join("\n");
    expect(bodies.length).toBeGreaterThan(10);
    expect(everything).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/); // no JWT (ID tokens)
    expect(everything).not.toMatch(/"(access|refresh|id)_token"/);
    expect(everything).not.toContain("enc:v1:");
    if (databaseUrl) {
      const tokens = await storedTokens(databaseUrl);
      expect(tokens.length).toBeGreaterThanOrEqual(6);
      for (const token of tokens) expect(everything).not.toContain(token);
    }
  });
});
