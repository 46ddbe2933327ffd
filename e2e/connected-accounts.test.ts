import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { completeProviderLogin, confirmDisconnect, launchBrowser, signIn } from "./support/browser";
import { devStats } from "../tests/support/oidc-client";

const appOrigin = inject("appOrigin");
const issuers = inject("issuers");
let browser: Browser;
const contexts: BrowserContext[] = [];

/** Errors the pages log (hydration mismatches, uncaught exceptions): a polished app has none. */
const consoleErrors: string[] = [];

async function personPage() {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

const row = (page: Page, name: string) => page.getByRole("listitem", { name, exact: true });
/** The page-level outcome message above the list. */
const notice = (page: Page) => page.getByTestId("flash-notice");

async function openAccounts(page: Page) {
  await page.goto(`${appOrigin}/settings/accounts`);
  await page.getByRole("heading", { name: "Connected accounts" }).waitFor();
}

async function connect(page: Page, providerName: string, username: string, email?: string) {
  await row(page, providerName).getByRole("button", { name: "Connect", exact: true }).click();
  await completeProviderLogin(page, username, email);
  await page.waitForURL((url) => url.origin === appOrigin && url.pathname === "/settings/accounts");
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
});

describe("connected accounts, as a person uses them", () => {
  let alice: Page;

  it("connects Globex ID to the signed-in Acme user and lists both identities", async () => {
    alice = await personPage();
    await signIn(alice, appOrigin, "Acme ID", "alice");
    await openAccounts(alice);
    await expect(row(alice, "Acme ID: alice").textContent()).resolves.toContain("alice@example.test");
    await expect(row(alice, "Globex ID").textContent()).resolves.toContain("Not connected");

    await connect(alice, "Globex ID", "alice-globex");
    await expect(notice(alice).textContent()).resolves.toBe("Globex ID is connected.");
    const globex = await row(alice, "Globex ID: alice-globex").textContent();
    expect(globex).toContain("alice-globex");
    expect(globex).toContain("offline_access");
    await expect(alice.getByTestId("current-user").textContent()).resolves.toContain("Alice");
  });

  it("grants more access: the extra scope is added and the ones already granted are kept", async () => {
    await openAccounts(alice);
    await row(alice, "Globex ID: alice-globex").getByRole("button", { name: "Grant more access" }).click();
    // Globex still has alice's session and consents automatically: no login page, straight back.
    await alice.getByTestId("flash-notice").waitFor();
    await expect(notice(alice).textContent()).resolves.toBe("Globex ID access was updated.");
    const scopes = await row(alice, "Globex ID: alice-globex").getByRole("list", { name: "Granted scopes" }).getByRole("listitem").allTextContents();
    expect(scopes.sort()).toEqual(["api:read", "email", "offline_access", "openid", "profile"]);
  });

  it("refuses to connect a Globex account that another user owns, changing nothing", async () => {
    const bob = await personPage();
    await signIn(bob, appOrigin, "Acme ID", "bob");
    await openAccounts(bob);
    await connect(bob, "Globex ID", "alice-globex");
    await expect(notice(bob).textContent()).resolves.toContain(
      "That Globex ID account is already connected to a different user. Nothing was changed.",
    );
    await expect(row(bob, "Globex ID").textContent()).resolves.toContain("Not connected");
    await expect(bob.getByTestId("current-user").textContent()).resolves.toContain("Bob");
    await openAccounts(alice);
    await expect(row(alice, "Globex ID: alice-globex").textContent()).resolves.toContain("alice-globex");
  });

  it("disconnects Globex after revoking it at Globex, then refuses to remove the last method", async () => {
    const before = await devStats(issuers.globex);
    await openAccounts(alice);
    await confirmDisconnect(row(alice, "Globex ID: alice-globex"));
    await alice.getByTestId("flash-notice").waitFor();
    await expect(notice(alice).textContent()).resolves.toBe(
      "Globex ID was disconnected and its access revoked.",
    );
    expect((await devStats(issuers.globex)).revocations - before.revocations).toBe(1);
    await openAccounts(alice);
    await expect(row(alice, "Globex ID").textContent()).resolves.toContain("Not connected");

    await confirmDisconnect(row(alice, "Acme ID: alice"));
    await expect(row(alice, "Acme ID: alice").getByRole("alert").textContent()).resolves.toContain("This is your only way to sign in");
    await openAccounts(alice);
    await expect(row(alice, "Acme ID: alice").textContent()).resolves.toContain("alice@example.test");
  });

  // Globex ID is standards-conformant: its ID token has only sub, the email comes from userinfo.
  it("pauses a Globex sign-in (claims from userinfo) whose email is an Acme user's until they sign in and click Link", async () => {
    const carol = await personPage();
    await signIn(carol, appOrigin, "Acme ID", "carol");
    await carol.getByRole("button", { name: "Sign out" }).click();
    await carol.waitForURL((url) => url.origin === appOrigin && url.pathname === "/sign-in");

    await signIn(carol, appOrigin, "Globex ID", "carol-globex", "carol@example.test");
    expect(new URL(carol.url()).pathname).toBe("/sign-in/link");
    await expect(carol.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "An account with this email already exists",
    );
    await expect(carol.getByTestId("current-user").count()).resolves.toBe(0);

    // Signing out of the app also ended the Acme session, so Acme asks who this is again.
    await carol.getByRole("button", { name: "Continue with Acme ID" }).click();
    await completeProviderLogin(carol, "carol");
    await carol.waitForURL((url) => url.origin === appOrigin && url.pathname === "/sign-in/link");
    await expect(carol.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Link the Globex ID account carol@example.test to your account?",
    );
    await carol.getByRole("button", { name: "Link", exact: true }).click();
    await carol.waitForURL((url) => url.origin === appOrigin && url.pathname === "/settings/accounts");
    await expect(notice(carol).textContent()).resolves.toBe("Globex ID is now linked to your account.");
    await expect(row(carol, "Globex ID: carol-globex").textContent()).resolves.toContain("carol@example.test");
    await expect(row(carol, "Acme ID: carol").textContent()).resolves.toContain("carol@example.test");

    await carol.goto(`${appOrigin}/settings/activity`);
    const events = await carol.getByRole("list", { name: "Security events" }).getByRole("listitem").allTextContents();
    expect(events.map((text) => text.split(" · ")[0])).toEqual([
      "Account linked after confirmation",
      "Signed in",
      "Sign-in paused: confirm it is you",
      "Signed in",
      "Account created",
    ]);
  });

  it("shows every step of alice's and bob's activity", async () => {
    await alice.goto(`${appOrigin}/settings/activity`);
    const events = await alice.getByRole("list", { name: "Security events" }).getByRole("listitem").allTextContents();
    expect(events.map((text) => text.split(" · ")[0])).toEqual([
      "Account disconnected",
      "Account access updated",
      "Account connected",
      "Signed in",
      "Account created",
    ]);
  });

  it("logged no errors in any page along the way", () => {
    expect(consoleErrors).toEqual([]);
  });
});
