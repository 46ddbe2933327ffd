// Real Chromium from Debian (never a downloaded browser), one context per person.
import { chromium, type Browser, type Locator, type Page } from "playwright-core";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
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
