// Japanese and English, chosen by Accept-Language or the header's switcher; dark mode from the system.
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { browserForFile, signIn } from "./support/browser";
import { providerText, translator } from "./support/messages";

const appOrigin = inject("appOrigin");
const browser = browserForFile();

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe("language", () => {
  it("follows Accept-Language: ja, and the switcher changes it back to English", async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "ja-JP,ja;q=0.9,en;q=0.5" } });
    const page = await context.newPage();
    await page.goto(`${appOrigin}/sign-in`);
    await expect(lang(page)).resolves.toBe("ja");
    await expect(heading(page)).resolves.toBe("ログイン");
    await expect(page.getByRole("button", { name: "Acme ID で続ける" }).isVisible()).resolves.toBe(true);

    await page.getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await expect(heading(page)).resolves.toBe("Sign in");
    // The choice is remembered over Accept-Language on the next page.
    await page.goto(`${appOrigin}/about`);
    await expect(heading(page)).resolves.toBe("About Connected Accounts");

    await page.getByRole("button", { name: "日本語" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "ja");
    await expect(heading(page)).resolves.toBe("Connected Accounts について");
    await context.close();
  });

  it("is English without a cookie or a language we have", async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "fr-FR,de;q=0.8" } });
    const page = await context.newPage();
    await page.goto(`${appOrigin}/sign-in`);
    await expect(lang(page)).resolves.toBe("en");
    await expect(heading(page)).resolves.toBe("Sign in");
    await context.close();
  });

  it("asks the local provider for the same language (ui_locales)", async () => {
    const context = await browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto(`${appOrigin}/sign-in`);
    await page.getByRole("button", { name: translator("ja")("signIn.continueWith", { provider: "Globex ID" }) }).click();
    await page.getByLabel(providerText("ja").username).waitFor();
    await expect(lang(page)).resolves.toBe("ja");
    await expect(heading(page)).resolves.toBe("Globex ID にログイン");
    await context.close();
  });
});

describe("messages made on the server", () => {
  it("come in Japanese with the locale cookie: a saved label, a validation error and an action result", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, appOrigin, "Acme ID", "kiko");
    await context.addCookies([{ name: "locale", value: "ja", url: appOrigin }]);
    const ja = translator("ja");
    await page.goto(`${appOrigin}/settings/accounts`);
    await expect(lang(page)).resolves.toBe("ja");
    const row = page.getByRole("listitem", { name: "Acme ID: kiko", exact: true });

    await row.getByLabel(ja("accounts.label")).fill("仕事用");
    await row.getByRole("button", { name: ja("accounts.saveLabel") }).click();
    await expect(row.getByRole("status").textContent()).resolves.toBe("ラベルを保存しました。");

    // Past the input's own maxlength (a hand-made request would be), the server's zod message is Japanese too.
    await row.getByLabel(ja("accounts.label")).evaluate((input: HTMLInputElement) => {
      input.removeAttribute("maxlength");
      input.value = "x".repeat(200);
    });
    await row.getByRole("button", { name: ja("accounts.saveLabel") }).click();
    await expect(row.getByRole("alert").textContent()).resolves.toMatch(/^ラベルは \d+ 文字以内で入力してください。$/);

    await page.goto(`${appOrigin}/settings/security`);
    await page.getByRole("button", { name: ja("security.signOutOthers") }).click();
    await expect(page.getByRole("status").filter({ hasText: "セッション" }).textContent()).resolves.toBe("他のセッションはありませんでした。");
    await context.close();
  });
});

describe("dark mode", () => {
  it("follows prefers-color-scheme on the app's pages and the local provider's login page", async () => {
    const results: Record<string, { light: string; dark: string }> = {};
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await (await browser.newContext({ colorScheme })).newPage();
      for (const path of ["/sign-in", "/about"]) {
        await page.goto(`${appOrigin}${path}`);
        (results[path] ??= { light: "", dark: "" })[colorScheme] = await background(page);
      }
      await page.goto(`${appOrigin}/sign-in`);
      await page.getByRole("button", { name: "Continue with Globex ID" }).click();
      await page.getByLabel("Username").waitFor();
      const card = await page.evaluate(() => getComputedStyle(document.querySelector("main")!).backgroundColor);
      (results.provider ??= { light: "", dark: "" })[colorScheme] = card;
      await page.context().close();
    }
    for (const [name, { light, dark }] of Object.entries(results)) {
      expect(dark, name).not.toBe(light);
      expect(brightness(dark), name).toBeLessThan(0.2);
      expect(brightness(light), name).toBeGreaterThan(0.8);
    }
  });
});

/** 0 (black) to 1 (white) for a CSS colour as Chromium reports it (rgb() or lab()). */
function brightness(color: string): number {
  const lab = /^lab\(([\d.]+)/.exec(color);
  if (lab) return Number(lab[1]) / 100;
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
