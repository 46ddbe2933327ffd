// Keyboard only: sign in, connect a second provider, disconnect it through the confirmation dialog. Every stop
// the Tab key reaches shows where focus is (an outline or a ring), on our pages and the local provider's.
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { browserForFile } from "./support/browser";

const appOrigin = inject("appOrigin");
const browser = browserForFile();

/** The focused element's name and whether its focus is visible (an outline or a box-shadow ring). */
const focusStop = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return {
      name: (element.getAttribute("aria-label") ?? element.textContent ?? "").trim(),
      tag: element.tagName.toLowerCase(),
      visible: outlined || style.boxShadow !== "none",
    };
  });

/** Presses Tab until the focused element is named `name`, checking each stop on the way shows its focus. */
async function tabTo(page: Page, name: string, limit = 80) {
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press("Tab");
    const stop = await focusStop(page);
    if (!stop) continue;
    expect(stop.visible, `focus visible on ${stop.tag} "${stop.name}" (${page.url()})`).toBe(true);
    if (stop.name === name) return;
  }
  throw new Error(`Tab never reached "${name}" on ${page.url()}`);
}

/** The local provider's login page: the username field has focus on arrival. */
async function providerLogin(page: Page, username: string) {
  await page.locator("#username").waitFor();
  await page.keyboard.type(username);
  await tabTo(page, "Sign in");
  await page.keyboard.press("Enter");
}

describe("keyboard-only journey", () => {
  it("signs in, connects Globex ID and disconnects it through the dialog, focus visible at every stop", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${appOrigin}/sign-in`);
    await tabTo(page, "Continue with Acme ID");
    await page.keyboard.press("Enter");
    await providerLogin(page, "kim");
    await page.waitForURL((url) => url.origin === appOrigin && !url.pathname.startsWith("/api/auth"));

    await page.goto(`${appOrigin}/settings/accounts`);
    await page.getByRole("heading", { name: "Connected accounts" }).waitFor();
    await tabTo(page, "Connect");
    // Acme is connected already, so the first "Connect" belongs to the next provider in the list: Globex ID.
    await expect(page.evaluate(() => document.activeElement?.closest("li")?.getAttribute("aria-labelledby"))).resolves.toBe("provider-globex");
    await page.keyboard.press("Enter");
    await providerLogin(page, "kim-globex");
    await page.getByTestId("flash-notice").waitFor();
    await expect(page.getByTestId("flash-notice").textContent()).resolves.toBe("Globex ID is connected.");

    const globex = page.getByRole("listitem", { name: "Globex ID: kim-globex", exact: true });
    await page.goto(`${appOrigin}/settings/accounts`);
    await page.getByRole("heading", { name: "Connected accounts" }).waitFor();
    // Past Acme's row to Globex's Disconnect: the second one on the page.
    await tabTo(page, "Disconnect");
    await tabTo(page, "Disconnect");
    await expect(page.evaluate(() => document.activeElement?.closest("li[aria-label]")?.getAttribute("aria-label"))).resolves.toBe("Globex ID: kim-globex");
    await page.keyboard.press("Enter");
    const dialog = globex.getByRole("dialog", { name: "Disconnect Globex ID?" });
    await dialog.waitFor();
    await expect(focusStop(page)).resolves.toMatchObject({ name: "Cancel", visible: true });
    await tabTo(page, "Disconnect", 3);
    await page.keyboard.press("Enter");
    await globex.waitFor({ state: "detached" });
    await expect(page.getByTestId("flash-notice").textContent()).resolves.toBe("Globex ID was disconnected and its access revoked.");
  });
});
