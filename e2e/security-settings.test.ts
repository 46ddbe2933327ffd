// /settings/security in real Chromium: passkeys through Chromium's virtual authenticator (DevTools
// protocol, no mock), sessions on two browsers, "Confirm it's you", account deletion, and the 429 path.
// Steps that age a session or fill a rate limit write to the app's database, so they need PostgreSQL
// (TEST_DATABASE_URL); PGlite is held by the app process.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { postgresConfig } from "../lib/database/connect";
import { devStats } from "../tests/support/oidc-client";
import { completeProviderLogin, confirmDisconnect, launchBrowser, signIn } from "./support/browser";

const appOrigin = inject("appOrigin");
const issuers = inject("issuers");
const databaseUrl = inject("databaseUrl");
let browser: Browser;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];

async function newPage() {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

/** A platform passkey authenticator for this page, as a phone or laptop would have. */
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
}

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(postgresConfig(databaseUrl!).pool);
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
const userIdOf = async (email: string) => (await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]))[0]?.id;

const row = (page: Page, name: string) => page.getByRole("listitem", { name, exact: true });
const passkeys = (page: Page) => page.getByRole("list", { name: "Passkeys" }).getByRole("listitem");
const sessions = (page: Page) => page.getByRole("list", { name: "Sessions" }).getByRole("listitem");

async function openSecurity(page: Page) {
  await page.goto(`${appOrigin}/settings/security`);
  await page.getByRole("heading", { name: "Security", level: 1 }).waitFor();
}
async function openAccounts(page: Page) {
  await page.goto(`${appOrigin}/settings/accounts`);
  await page.getByRole("heading", { name: "Connected accounts" }).waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
});

describe("passkeys", () => {
  let dana: Page;

  it("adds a passkey, signs out, and signs in with it", { timeout: 120_000 }, async () => {
    dana = await newPage();
    await addVirtualAuthenticator(dana);
    await signIn(dana, appOrigin, "Acme ID", "dana");
    await openSecurity(dana);
    await expect(dana.getByRole("link", { name: "Security" }).getAttribute("aria-current")).resolves.toBe("page");
    await dana.getByRole("button", { name: "Add a passkey" }).click();
    await expect(dana.getByRole("status").filter({ hasText: "Passkey added." }).textContent()).resolves.toBe("Passkey added.");
    // The list re-renders after the status appears (router.refresh): wait for the item, then count.
    await passkeys(dana).first().waitFor();
    await expect(passkeys(dana).count()).resolves.toBe(1);
    await expect(passkeys(dana).first().textContent()).resolves.toContain("Never used to sign in");

    await openAccounts(dana);
    await dana.getByRole("button", { name: "Sign out", exact: true }).click();
    await dana.waitForURL((url) => url.origin === appOrigin && url.pathname === "/sign-in");
    await dana.getByRole("button", { name: "Sign in with a passkey" }).click();
    await dana.waitForURL((url) => url.origin === appOrigin && url.pathname === "/");
    await expect(dana.getByTestId("current-user").textContent()).resolves.toContain("Dana");
    await openSecurity(dana);
    await expect(passkeys(dana).first().textContent()).resolves.toContain("Last used");
  });

  it("removes the connection leaving only the passkey, then refuses to remove the passkey", async () => {
    const before = await devStats(issuers.acme);
    await openAccounts(dana);
    await confirmDisconnect(row(dana, "Acme ID: dana"));
    await dana.getByTestId("flash-notice").waitFor();
    await expect(dana.getByTestId("flash-notice").textContent()).resolves.toBe("Acme ID was disconnected and its access revoked.");
    expect((await devStats(issuers.acme)).revocations - before.revocations).toBe(1);

    await openSecurity(dana);
    await passkeys(dana).first().getByRole("button", { name: "Remove" }).click();
    await expect(passkeys(dana).first().getByRole("alert").textContent()).resolves.toContain("only way to sign in");
    await openSecurity(dana);
    await expect(passkeys(dana).count()).resolves.toBe(1);
  });
});

describe("sessions", () => {
  let here: Page;
  let there: Page;

  it("signs out of all other sessions; the other browser is signed out on its next page", { timeout: 120_000 }, async () => {
    here = await newPage();
    there = await newPage();
    await signIn(here, appOrigin, "Acme ID", "erin");
    await signIn(there, appOrigin, "Acme ID", "erin");
    await openSecurity(here);
    await expect(sessions(here).count()).resolves.toBe(2);
    await expect(sessions(here).first().textContent()).resolves.toContain("This device");
    await expect(sessions(here).nth(1).textContent()).resolves.not.toContain("This device");

    await here.getByRole("button", { name: "Sign out of all other sessions" }).click();
    await expect(here.getByRole("status").filter({ hasText: "Signed out" }).textContent()).resolves.toBe("Signed out of 1 other session.");

    await there.goto(`${appOrigin}/settings/accounts`);
    await there.waitForURL((url) => url.pathname === "/sign-in");
    await openSecurity(here);
    await expect(sessions(here).count()).resolves.toBe(1);
  });

  it.runIf(databaseUrl)("a session older than the limit sees \"Confirm it's you\" before disconnecting, confirms, and finishes", { timeout: 120_000 }, async () => {
    await openAccounts(here);
    await row(here, "Globex ID").getByRole("button", { name: "Connect", exact: true }).click();
    await completeProviderLogin(here, "erin-globex");
    await here.getByTestId("flash-notice").waitFor();

    const userId = await userIdOf("erin@example.test");
    await sql(`UPDATE "Session" SET "authenticatedAt" = now() - interval '11 minutes' WHERE "userId" = $1`, [userId]);
    const before = await sql(`SELECT provider FROM "Account" WHERE "userId" = $1 ORDER BY provider`, [userId]);

    await confirmDisconnect(row(here, "Globex ID: erin-globex"));
    await here.waitForURL((url) => url.pathname === "/settings/confirm");
    await here.getByRole("heading", { name: "Confirm it's you" }).waitFor();
    expect(await sql(`SELECT provider FROM "Account" WHERE "userId" = $1 ORDER BY provider`, [userId])).toEqual(before);

    await here.getByRole("button", { name: "Continue with Acme ID" }).click();
    // Acme still knows erin in this browser, so it may answer without asking again.
    await here.waitForURL((url) => url.pathname === "/settings/accounts" || url.origin !== appOrigin);
    if (new URL(here.url()).origin !== appOrigin) {
      await completeProviderLogin(here, "erin");
      await here.waitForURL((url) => url.origin === appOrigin && url.pathname === "/settings/accounts");
    }
    // "You confirmed it's you" is a one-time flash: never in the URL, and a reload shows no notice.
    await here.getByTestId("flash-notice").filter({ hasText: "you confirmed it's you" }).waitFor();
    expect(new URL(here.url()).search).toBe("");
    await here.reload();
    await here.getByRole("heading", { name: "Connected accounts" }).waitFor();
    await expect(here.getByTestId("flash-notice").count()).resolves.toBe(0);
    await confirmDisconnect(row(here, "Globex ID: erin-globex"));
    await here.getByTestId("flash-notice").waitFor();
    await expect(here.getByTestId("flash-notice").textContent()).resolves.toBe("Globex ID was disconnected and its access revoked.");

    await here.goto(`${appOrigin}/settings/activity`);
    const events = await here.getByRole("list", { name: "Security events" }).getByRole("listitem").allTextContents();
    expect(events[0]).toMatch(/^Account disconnected · Globex ID/);
    expect(events[1]).toMatch(/^Confirmed it was you/);
    expect(events[2]).toMatch(/^Signed in · Acme ID/);
  });
});

describe.runIf(databaseUrl)("account deletion and rate limits", () => {
  it("deletes the account: revokes at each local provider and leaves no row of the user in any table", async () => {
    const fay = await newPage();
    await signIn(fay, appOrigin, "Acme ID", "fay");
    await openAccounts(fay);
    await row(fay, "Globex ID").getByRole("button", { name: "Connect", exact: true }).click();
    await completeProviderLogin(fay, "fay-globex");
    await fay.getByTestId("flash-notice").waitFor();
    const userId = await userIdOf("fay@example.test");
    const acmeBefore = await devStats(issuers.acme);
    const globexBefore = await devStats(issuers.globex);

    await openSecurity(fay);
    await fay.getByRole("button", { name: "Delete account" }).click();
    const dialog = fay.getByRole("dialog", { name: "Delete your account?" });
    await dialog.getByLabel(/Type your email/).fill("not-fay@example.test");
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await expect(dialog.getByRole("alert").textContent()).resolves.toContain("Nothing was deleted");
    await dialog.getByLabel(/Type your email/).fill("fay@example.test");
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await fay.waitForURL((url) => url.pathname === "/account-deleted");
    await expect(fay.getByRole("status").textContent()).resolves.toBe("Access was revoked at every connected provider.");

    expect((await devStats(issuers.acme)).revocations - acmeBefore.revocations).toBe(1);
    expect((await devStats(issuers.globex)).revocations - globexBefore.revocations).toBe(1);
    const tables = await sql<{ table_name: string }>(
      `SELECT table_name::text AS table_name FROM information_schema.columns WHERE column_name = 'userId' AND table_schema = current_schema()`,
    );
    for (const { table_name } of tables) {
      expect(await sql(`SELECT 1 FROM "${table_name}" WHERE "userId" = $1`, [userId]), table_name).toEqual([]);
    }
    expect(await sql(`SELECT 1 FROM "User" WHERE id = $1`, [userId])).toEqual([]);
    expect(await sql(`SELECT 1 FROM "RateLimit" WHERE key LIKE $1`, [`%${userId}`])).toEqual([]);
    expect(await sql(`SELECT "userId", detail FROM "ActivityEvent" WHERE type = 'account_deleted'`)).toEqual([
      { userId: null, detail: "2 connections, 2 revoked, failed: none" },
    ]);
    await fay.goto(`${appOrigin}/settings/accounts`);
    await fay.waitForURL((url) => url.pathname === "/sign-in");
  });

  // The person switches account at the provider halfway: someone else's sign-in cannot confirm it's you.
  it("\"Confirm it's you\" refuses a sign-in as somebody else at the provider, and changes nothing", async () => {
    const ivy = await newPage();
    await signIn(ivy, appOrigin, "Acme ID", "ivy");
    const userId = await userIdOf("ivy@example.test");
    await sql(`UPDATE "Session" SET "authenticatedAt" = now() - interval '11 minutes' WHERE "userId" = $1`, [userId]);
    const sessionBefore = await sql(`SELECT "sessionToken", "authenticatedAt" FROM "Session" WHERE "userId" = $1`, [userId]);

    await openSecurity(ivy);
    await ivy.getByRole("button", { name: "Add a passkey" }).click();
    await ivy.getByRole("heading", { name: "Confirm it's you" }).waitFor();
    // Signed out at Acme, so Acme asks who is signing in; the answer is another of its users.
    await ivy.context().clearCookies({ name: /^_acme_/ });
    await ivy.getByRole("button", { name: "Continue with Acme ID" }).click();
    await completeProviderLogin(ivy, "mallory");

    await ivy.waitForURL((url) => url.origin === appOrigin && url.pathname === "/settings/confirm");
    await expect(ivy.getByRole("main").getByRole("alert").textContent()).resolves.toBe("That account belongs to someone else, so it cannot confirm it's you. Nothing was changed.");
    await expect(ivy.getByTestId("current-user").getAttribute("title")).resolves.toBe("Signed in as Ivy");
    expect(await sql(`SELECT "sessionToken", "authenticatedAt" FROM "Session" WHERE "userId" = $1`, [userId])).toEqual(sessionBefore);
    expect(await sql(`SELECT 1 FROM "User" WHERE email = 'mallory@example.test'`)).toEqual([]);
  });

  // X and some other providers give no email: such a person types a word instead.
  it("deletes an account without an email once DELETE is typed", async () => {
    const hal = await newPage();
    await signIn(hal, appOrigin, "Acme ID", "hal");
    const userId = await userIdOf("hal@example.test");
    await sql(`UPDATE "User" SET email = NULL WHERE id = $1`, [userId]);

    await openSecurity(hal);
    await hal.getByRole("button", { name: "Delete account" }).click();
    const dialog = hal.getByRole("dialog", { name: "Delete your account?" });
    const field = dialog.getByLabel("Your account has no email: type DELETE to confirm");
    await field.fill("hal");
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await expect(dialog.getByRole("alert").textContent()).resolves.toBe("That is not DELETE. Nothing was deleted.");
    expect(await sql(`SELECT 1 FROM "User" WHERE id = $1`, [userId])).toHaveLength(1);

    await field.fill("DELETE");
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await hal.waitForURL((url) => url.pathname === "/account-deleted");
    expect(await sql(`SELECT 1 FROM "User" WHERE id = $1`, [userId])).toEqual([]);
  });

  it("Call API over the limit: HTTP 429 with Retry-After, a clear message on the page, nothing called", async () => {
    const gus = await newPage();
    await signIn(gus, appOrigin, "Acme ID", "gus");
    const userId = await userIdOf("gus@example.test");
    await sql(`INSERT INTO "RateLimit" (key, count, "resetAt") VALUES ($1, 60, now() + interval '1 minute')`, [`call-api:${userId}`]);
    const stats = await devStats(issuers.acme);

    await openAccounts(gus);
    await row(gus, "Acme ID: gus").getByRole("button", { name: "Call API" }).click();
    await expect(row(gus, "Acme ID: gus").getByRole("status").textContent()).resolves.toMatch(
      /^Too many attempts\. Nothing was changed\. Please try again in \d+ seconds\.$/,
    );

    const [connection] = await sql<{ id: string }>(`SELECT "id" FROM "Account" WHERE "userId" = $1 AND "provider" = 'acme'`, [userId]);
    const response = await gus.request.post(`${appOrigin}/api/connections/${connection.id}/call`, { headers: { Origin: appOrigin } });
    expect(response.status()).toBe(429);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await response.json()).error).toMatch(/^Too many attempts/);
    expect(await devStats(issuers.acme)).toEqual(stats);
  });
});

it("logged no uncaught errors in any page", () => {
  expect(consoleErrors).toEqual([]);
});
