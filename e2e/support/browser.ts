// Real Chromium from Debian (never a downloaded browser), one context per person.
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** One Chromium for a test file: launched before its tests, closed after them. Call at the file's top level. */
export function browserForFile(): Pick<Browser, "newContext" | "newPage"> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const launched = () => {
    if (!browser) throw new Error("the browser is launched in beforeAll: use it inside a test or hook");
    return browser;
  };
  return {
    newContext: (options) => launched().newContext(options),
    newPage: (options) => launched().newPage(options),
  };
}

/** Signs in at the local provider's login page, starting from a page showing a "Continue with"/"Connect" button. */
export async function completeProviderLogin(page: Page, username: string, email?: string) {
  await page.getByLabel("Username").fill(username);
  if (email) await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, appOrigin: string, providerName: string, username: string, email?: string) {
  await page.goto(`${appOrigin}/sign-in`);
  await page.getByRole("button", { name: `Continue with ${providerName}` }).click();
  await completeProviderLogin(page, username, email);
  await page.waitForURL((url) => url.origin === appOrigin && !url.pathname.startsWith("/api/auth"));
}

/** Disconnect asks first: opens the row's confirmation dialog and confirms it. */
export async function confirmDisconnect(item: Locator) {
  await item.getByRole("button", { name: "Disconnect" }).click();
  await item.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
}
