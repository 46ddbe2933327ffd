// The connected-accounts rows keep every button visible and inside the card after "Call API" (its result goes on
// its own line), at desktop and phone widths; a notice is a flash that a reload does not bring back.
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { completeProviderLogin, launchBrowser, signIn } from "./support/browser";
import { translator } from "./support/messages";

const appOrigin = inject("appOrigin");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

const row = (name: string) => page.getByRole("listitem", { name, exact: true });

/** Every button of the row is on screen (not clipped) and within the card's box. */
async function expectButtonsInside(item: Locator) {
  const card = await page.getByRole("list").filter({ has: item }).first().boundingBox();
  if (!card) throw new Error("the card has no box");
  const buttons = await item.getByRole("button").all();
  expect(buttons.length).toBeGreaterThan(0);
  for (const button of buttons) {
    const name = await button.textContent();
    await expect(button.isVisible(), `${name} visible`).resolves.toBe(true);
    const box = await button.boundingBox();
    if (!box) throw new Error(`${name} has no box`);
    expect(box.x, `${name} left`).toBeGreaterThanOrEqual(card.x);
    expect(box.x + box.width, `${name} right`).toBeLessThanOrEqual(card.x + card.width + 0.5);
    expect(box.y + box.height, `${name} bottom`).toBeLessThanOrEqual(card.y + card.height + 0.5);
  }
}

describe("connected-accounts rows", () => {
  it("shows the connect notice once: a reload shows none", async () => {
    await signIn(page, appOrigin, "Acme ID", "layla");
    await page.goto(`${appOrigin}/settings/accounts`);
    await row("Globex ID").getByRole("button", { name: "Connect", exact: true }).click();
    await completeProviderLogin(page, "layla-globex-with-a-rather-long-username");
    await expect(page.getByTestId("flash-notice").textContent()).resolves.toBe("Globex ID is connected.");
    expect(new URL(page.url()).search).toBe("");
    await page.reload();
    await page.getByRole("heading", { name: "Connected accounts" }).waitFor();
    await expect(page.getByTestId("flash-notice").count()).resolves.toBe(0);
  });

  it.each([1440, 390])("after Call API every button of the row is visible and inside the card at %i px", async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${appOrigin}/settings/accounts`);
    const item = row("Globex ID: layla-globex-with-a-rather-long-username");
    await item.getByRole("button", { name: "Call API" }).click();
    const status = item.getByTestId("api-result");
    await expect.poll(() => status.textContent()).toMatch(/^API call (succeeded|failed)/);
    await expect(status.getAttribute("role")).resolves.toBe("status");
    await expectButtonsInside(item);
    // Tabbing to the last button does not slide the card sideways.
    await item.getByRole("button", { name: "Disconnect" }).focus();
    await expect(page.evaluate(() => document.scrollingElement?.scrollLeft ?? 0)).resolves.toBe(0);
    await expectButtonsInside(item);
  });

  // For people reviewing the look: E2E_SHOTS=1 saves the accounts and security pages in every combination.
  it.runIf(process.env.E2E_SHOTS)("saves screenshots to e2e/screenshots", async () => {
    mkdirSync("e2e/screenshots", { recursive: true });
    for (const locale of ["en", "ja"] as const) {
      const t = translator(locale);
      await page.context().addCookies([{ name: "locale", value: locale, url: appOrigin }]);
      for (const path of ["/settings/accounts", "/settings/security"]) {
        for (const colorScheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme });
          for (const width of [390, 1440]) {
            await page.setViewportSize({ width, height: 900 });
            await page.goto(`${appOrigin}${path}`);
            if (path === "/settings/accounts") {
              const item = page.getByRole("listitem", { name: /^Globex ID: / });
              await item.getByRole("button", { name: t("accounts.callApi") }).click();
              await item.getByTestId("api-result").waitFor();
            }
            const name = `${path.split("/").pop()}-${locale}-${colorScheme}-${width}`;
            await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true, animations: "disabled" });
          }
        }
      }
    }
  }, 120_000);
});

