// Screenshots of every page at phone and desktop widths, light and dark, English and Japanese, against a
// running app (`npm run dev`):
//   npx tsx scripts/screenshots.ts [origin]   → e2e/screenshots/<page>-<locale>-<scheme>-<width>.png
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../e2e/support/browser";

const origin = process.argv[2] ?? "http://localhost:3000";
const widths = [390, 1440] as const;
const schemes = ["light", "dark"] as const;
const locales = ["en", "ja"] as const;
const only = process.env.SHOTS_ONLY?.split(",");
mkdirSync("e2e/screenshots", { recursive: true });

async function newPage(browser: Browser, locale: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  // A development server compiles each page on its first visit.
  context.setDefaultTimeout(120_000);
  context.setDefaultNavigationTimeout(120_000);
  await context.addCookies([{ name: "locale", value: locale, url: origin }]);
  return context.newPage();
}

/** Every scheme and width of the page as it is now. */
async function shootAll(page: Page, name: string, locale: string) {
  if (only && !only.includes(name)) return;
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of widths) {
      await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
      await page.screenshot({ path: `e2e/screenshots/${name}-${locale}-${scheme}-${width}.png`, fullPage: true, animations: "disabled", caret: "initial" });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1440, height: 900 });
}

// Language-neutral helpers: the buttons' names are translated.
async function providerLogin(page: Page, username: string, email?: string) {
  await page.locator("#username").fill(username);
  if (email) await page.locator("#email").fill(email);
  await page.locator("button[type=submit]").first().click();
}

async function signIn(page: Page, provider: string, username: string, email?: string) {
  await page.goto(`${origin}/sign-in`);
  await page.locator("form button").filter({ hasText: provider }).click();
  await providerLogin(page, username, email);
  await page.waitForURL((url) => url.origin === origin && !url.pathname.startsWith("/api/auth"));
}

const run = Date.now().toString(36);
const browser = await launchBrowser();
for (const locale of locales) {
  const out = await newPage(browser, locale);
  await out.goto(`${origin}/sign-in`);
  await shootAll(out, "sign-in", locale);
  await out.goto(`${origin}/sign-in?error=OAuthCallbackError`);
  await shootAll(out, "sign-in-error", locale);
  await out.goto(`${origin}/about`);
  await shootAll(out, "about", locale);
  await out.goto(`${origin}/no-such-page`);
  await shootAll(out, "not-found", locale);
  await out.goto(`${origin}/sign-in/link`);
  await shootAll(out, "link-expired", locale);
  await out.goto(`${origin}/sign-in`);
  await out.locator("form button").filter({ hasText: "Globex ID" }).click();
  await out.getByRole("textbox").first().waitFor();
  await shootAll(out, "provider-login", locale);
  await out.locator("button.link").click();
  await out.waitForURL((url) => url.origin === origin && url.pathname === "/sign-in");
  await shootAll(out, "sign-in-cancelled", locale);

  const page = await newPage(browser, locale);
  await signIn(page, "Acme ID", `shots-${locale}-${run}`);
  await shootAll(page, "home", locale);
  await page.goto(`${origin}/settings/accounts`);
  const globex = page.getByRole("listitem", { name: "Globex ID", exact: true });
  await globex.getByRole("button").first().click(); // "Connect", in the page's language
  await providerLogin(page, `shots-${locale}-${run}-globex`);
  await page.waitForURL((url) => url.pathname === "/settings/accounts");
  await shootAll(page, "accounts", locale);
  await page.goto(`${origin}/settings/activity`);
  await shootAll(page, "activity", locale);
  await page.goto(`${origin}/settings/security`);
  await shootAll(page, "security", locale);
  await page.locator("section[aria-labelledby=delete-heading] > button").click(); // "Delete account"
  await page.getByRole("dialog").waitFor();
  await shootAll(page, "security-delete", locale);

  // The confirm-it's-you page: a new Globex sign-in whose email belongs to this Acme user.
  const link = await newPage(browser, locale);
  await signIn(link, "Globex ID", `shots-${locale}-${run}-other`, `shots-${locale}-${run}@example.test`);
  if (new URL(link.url()).pathname === "/sign-in/link") await shootAll(link, "link", locale);
}
await browser.close();
console.log("Screenshots in e2e/screenshots/");
