// axe-core finds nothing on every page this app renders (and the local providers' login page), in both
// languages, both colour schemes, at phone and desktop widths.
import { describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { axeViolations } from "./support/axe";
import { browserForFile } from "./support/browser";
import { providerText, translator, type TestLocale } from "./support/messages";

const appOrigin = inject("appOrigin");
const browser = browserForFile();

const combos = (["en", "ja"] as const).flatMap((locale) =>
  (["light", "dark"] as const).flatMap((colorScheme) => ([390, 1440] as const).map((width) => ({ locale, colorScheme, width }))),
);

async function contextFor(locale: TestLocale, colorScheme: "light" | "dark", width: number): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, locale });
  await context.addCookies([{ name: "locale", value: locale, url: appOrigin }]);
  return context;
}

async function providerLogin(page: Page, locale: TestLocale, username: string, email?: string) {
  const text = providerText(locale);
  await page.getByLabel(text.username).fill(username);
  if (email) await page.getByLabel(text.email).fill(email);
  await page.getByRole("button", { name: text.signIn, exact: true }).click();
  await page.waitForURL((url) => url.origin === appOrigin && !url.pathname.startsWith("/api/auth"));
}

describe("accessibility (axe-core)", () => {
  it.each(combos)("finds no violations: $locale, $colorScheme, $width px", async ({ locale, colorScheme, width }) => {
    const t = translator(locale);
    const found: Record<string, string[]> = {};
    const check = async (page: Page, name: string) => {
      const violations = await axeViolations(page);
      if (violations.length) found[name] = violations;
    };
    const continueWith = (page: Page, provider: string) =>
      page.getByRole("button", { name: t("signIn.continueWith", { provider }) }).click();

    const visitor = await (await contextFor(locale, colorScheme, width)).newPage();
    for (const path of ["/about", "/no-such-page", "/sign-in/link", "/sign-in?error=OAuthCallbackError", "/sign-in"]) {
      await visitor.goto(`${appOrigin}${path}`);
      await check(visitor, path);
    }
    await continueWith(visitor, "Globex ID");
    await visitor.getByLabel(providerText(locale).username).waitFor();
    expect(await visitor.evaluate(() => document.documentElement.lang)).toBe(locale);
    await check(visitor, "provider login");
    await visitor.getByRole("button", { name: providerText(locale).cancel }).click();
    await visitor.getByTestId("flash-notice").waitFor();
    await check(visitor, "/sign-in after cancelling");

    const username = `a11y-${locale}-${colorScheme}-${width}`;
    await continueWith(visitor, "Acme ID");
    await providerLogin(visitor, locale, username);
    await check(visitor, "/");
    await visitor.goto(`${appOrigin}/settings/activity`);
    await check(visitor, "/settings/activity");
    await visitor.goto(`${appOrigin}/settings/security`);
    await check(visitor, "/settings/security");
    // The accounts page with a connection (the Acme account just signed in with), its API result and dialog.
    await visitor.goto(`${appOrigin}/settings/accounts`);
    const acme = visitor.getByRole("listitem", { name: `Acme ID: ${username}`, exact: true });
    await acme.getByRole("button", { name: t("accounts.callApi") }).click();
    await acme.getByTestId("api-result").waitFor();
    await check(visitor, "/settings/accounts");
    await acme.getByRole("button", { name: t("accounts.disconnect") }).click();
    await acme.getByRole("dialog").waitFor();
    await check(visitor, "/settings/accounts (disconnect dialog)");
    await visitor.keyboard.press("Escape");

    // The confirm-it's-you page: a new Globex sign-in with this Acme user's (verified) email.
    const other = await (await contextFor(locale, colorScheme, width)).newPage();
    await other.goto(`${appOrigin}/sign-in`);
    await continueWith(other, "Globex ID");
    await providerLogin(other, locale, `${username}-globex`, `${username}@example.test`);
    expect(new URL(other.url()).pathname).toBe("/sign-in/link");
    await check(other, "/sign-in/link (pending)");

    await visitor.context().close();
    await other.context().close();
    expect(found).toEqual({});
  }, 300_000);
});
