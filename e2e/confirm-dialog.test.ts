// <ConfirmDialog> in real Chromium, outside the app: bundled with esbuild onto a blank page.
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./support/browser";

let browser: Browser;
let script: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, "fixtures/confirm-dialog.tsx")],
    bundle: true,
    write: false,
    format: "iife",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  script = result.outputFiles[0].text;
});
afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html lang="en"><body><div id="root"></div></body></html>');
  await page.addScriptTag({ content: script });
  await page.getByRole("button", { name: "Disconnect" }).waitFor();
  return page;
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? "");
const dialogOpen = (page: Page) => page.evaluate(() => document.querySelector("dialog")?.open ?? false);

describe("confirm dialog", () => {
  it("opens as a named dialog with focus on Cancel, keeps Tab inside, and Escape closes it back to the trigger", async () => {
    const page = await open();
    await page.getByRole("button", { name: "Disconnect" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Disconnect Globex ID?" });
    await dialog.waitFor();
    await expect(dialog.getAttribute("aria-describedby")).resolves.toBeTruthy();
    await expect(focused(page)).resolves.toBe("Cancel");
    const stops: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      stops.push(await focused(page));
    }
    expect(stops).toEqual(["Disconnect", "Cancel", "Disconnect", "Cancel"]);
    await page.keyboard.press("Shift+Tab");
    await expect(focused(page)).resolves.toBe("Disconnect");

    await page.keyboard.press("Escape");
    await expect(dialogOpen(page)).resolves.toBe(false);
    await expect(focused(page)).resolves.toBe("Disconnect");
    await expect(page.evaluate(() => (window as unknown as { confirmed: number }).confirmed)).resolves.toBe(0);
    await page.close();
  });

  it("confirms with the button named by the caller, then closes", async () => {
    const page = await open();
    await page.getByRole("button", { name: "Disconnect" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
    await expect(dialogOpen(page)).resolves.toBe(false);
    await expect(page.evaluate(() => (window as unknown as { confirmed: number }).confirmed)).resolves.toBe(1);
    await expect(focused(page)).resolves.toBe("Disconnect");

    // Cancel does nothing but close.
    await page.getByRole("button", { name: "Disconnect" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect(dialogOpen(page)).resolves.toBe(false);
    await expect(page.evaluate(() => (window as unknown as { confirmed: number }).confirmed)).resolves.toBe(1);
    await page.close();
  });
});
