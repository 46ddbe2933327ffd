// Several accounts per provider, each its own connection; Grant more access bound to one identity; pending-link
// completion only by a POST from our own page; "Use to sign in" never turns off the last way in.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { completeProviderLogin, confirmDisconnect, launchBrowser, signIn } from "./support/browser";
import { devStats } from "../tests/support/oidc-client";

const appOrigin = inject("appOrigin");
const issuers = inject("issuers");
let browser: Browser;
const contexts: BrowserContext[] = [];

async function personPage() {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

const row = (page: Page, name: string) => page.getByRole("listitem", { name, exact: true });
const notice = (page: Page) => page.getByTestId("flash-notice");
const onAccounts = (url: URL) => url.origin === appOrigin && url.pathname === "/settings/accounts";

async function openAccounts(page: Page) {
  await page.goto(`${appOrigin}/settings/accounts`);
  await page.getByRole("heading", { name: "Connected accounts" }).waitFor();
}

/** Clicks a button that starts a connect flow and signs in at the provider's login page as `username`. */
async function connectVia(page: Page, button: ReturnType<Page["getByRole"]>, username: string) {
  await button.click();
  await completeProviderLogin(page, username);
  await page.waitForURL(onAccounts);
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
});

describe("two accounts of one provider", () => {
  it("connects two Globex ID accounts, lists both, labels one, and disconnects each alone with one revocation", async () => {
    const dora = await personPage();
    await signIn(dora, appOrigin, "Acme ID", "dora");
    await openAccounts(dora);
    await connectVia(dora, row(dora, "Globex ID").getByRole("button", { name: "Connect", exact: true }), "dora-work");
    // Globex still has dora-work's session: completing its login form again proves it was asked who signs in.
    await connectVia(dora, dora.getByRole("button", { name: "Connect another Globex ID account" }), "dora-home");
    await expect(notice(dora).textContent()).resolves.toBe("Globex ID is connected.");
    await expect(row(dora, "Globex ID: dora-work").isVisible()).resolves.toBe(true);
    await expect(row(dora, "Globex ID: dora-home").isVisible()).resolves.toBe(true);

    await row(dora, "Globex ID: dora-work").getByLabel("Label").fill("Work");
    await row(dora, "Globex ID: dora-work").getByRole("button", { name: "Save label" }).click();
    await expect(row(dora, "Globex ID: dora-work").getByRole("status").textContent()).resolves.toBe("Label saved.");
    await openAccounts(dora);
    await expect(row(dora, "Globex ID: dora-work").getByRole("heading").textContent()).resolves.toBe("Globex IDWork");

    for (const [name, remaining] of [["Globex ID: dora-home", 1], ["Globex ID: dora-work", 0]] as const) {
      const before = (await devStats(issuers.globex)).revocations;
      await confirmDisconnect(row(dora, name));
      // The first disconnect's notice may still be on screen: wait for this row to go instead.
      await row(dora, name).waitFor({ state: "detached" });
      await expect(notice(dora).textContent()).resolves.toBe("Globex ID was disconnected and its access revoked.");
      expect((await devStats(issuers.globex)).revocations - before).toBe(1);
      await expect(dora.getByRole("listitem", { name: /^Globex ID: / }).count()).resolves.toBe(remaining);
    }
    await expect(row(dora, "Globex ID").textContent()).resolves.toContain("Not connected");
  });

  it("Grant more access on one connection while signing in as the other changes nothing and says who signed in", async () => {
    const eve = await personPage();
    await signIn(eve, appOrigin, "Acme ID", "eve");
    await openAccounts(eve);
    await connectVia(eve, row(eve, "Globex ID").getByRole("button", { name: "Connect", exact: true }), "eve-one");
    await connectVia(eve, eve.getByRole("button", { name: "Connect another Globex ID account" }), "eve-two");
    const scopesOf = (name: string) => row(eve, name).getByRole("list", { name: "Granted scopes" }).getByRole("listitem").allTextContents();
    const before = await scopesOf("Globex ID: eve-one");

    // Globex's session is eve-two now. Whether Globex asks or reuses it, the identity that comes back is eve-two.
    // A fresh page: the connect notice has been shown once and is gone, so any notice now is this flow's.
    await openAccounts(eve);
    await expect(notice(eve).count()).resolves.toBe(0);
    await row(eve, "Globex ID: eve-one").getByRole("button", { name: "Grant more access" }).click();
    await Promise.race([notice(eve).waitFor(), eve.waitForURL((url) => url.origin === issuers.globex)]);
    if (new URL(eve.url()).origin === issuers.globex) {
      await completeProviderLogin(eve, "eve-two");
      await notice(eve).waitFor();
    }
    await expect(notice(eve).textContent()).resolves.toBe(
      "You signed in to Globex ID as eve-two, which is not the account you chose. Nothing was changed. " +
        "To add eve-two, use Connect another Globex ID account.",
    );
    await expect(eve.getByRole("listitem", { name: /^Globex ID: / }).count()).resolves.toBe(2);
    expect(await scopesOf("Globex ID: eve-one")).toEqual(before);
    expect(before).not.toContain("api:read");
    expect(await scopesOf("Globex ID: eve-two")).not.toContain("api:read");
  });
});

describe("Use to sign in", () => {
  it("refuses to turn off the last sign-in-capable connection, and allows it once another can sign in", async () => {
    const hank = await personPage();
    await signIn(hank, appOrigin, "Acme ID", "hank");
    await openAccounts(hank);
    const acmeSwitch = () => row(hank, "Acme ID: hank").getByRole("switch", { name: "Use to sign in" });
    await acmeSwitch().click();
    await expect(row(hank, "Acme ID: hank").getByRole("alert").textContent()).resolves.toBe(
      "This is your only way to sign in, so it must stay on. Turn on another account or connect one first.",
    );
    await openAccounts(hank);
    await expect(acmeSwitch().getAttribute("aria-checked")).resolves.toBe("true");

    await connectVia(hank, row(hank, "Globex ID").getByRole("button", { name: "Connect", exact: true }), "hank-globex");
    await acmeSwitch().click();
    await expect.poll(() => acmeSwitch().getAttribute("aria-checked")).toBe("false");
    await row(hank, "Globex ID: hank-globex").getByRole("switch", { name: "Use to sign in" }).click();
    await expect(row(hank, "Globex ID: hank-globex").getByRole("alert").textContent()).resolves.toContain("This is your only way to sign in");
  });
});

describe("pending-link completion", () => {
  let attacker: Server;
  let attackerOrigin: string;
  beforeAll(async () => {
    // Another site (127.0.0.1 is a different site from localhost): a form that posts to our completion endpoint.
    attacker = createServer((request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end(
        request.url === "/form"
          ? `<form id="f" method="post" action="${appOrigin}/sign-in/link/complete"><input name="decision" value="link"></form>` +
              `<script>document.getElementById("f").submit()</script>`
          : "<p>nothing</p>",
      );
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

  it("links nothing from a cross-site form or a GET; the page's own Link button still works", async () => {
    const frank = await personPage();
    await signIn(frank, appOrigin, "Acme ID", "frank");
    await frank.getByRole("button", { name: "Sign out" }).click();
    await frank.waitForURL((url) => url.origin === appOrigin && url.pathname === "/sign-in");
    await signIn(frank, appOrigin, "Globex ID", "frank-globex", "frank@example.test");
    expect(new URL(frank.url()).pathname).toBe("/sign-in/link");
    await frank.getByRole("button", { name: "Continue with Acme ID" }).click();
    await completeProviderLogin(frank, "frank");
    await frank.waitForURL((url) => url.origin === appOrigin && url.pathname === "/sign-in/link");
    await expect(frank.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Link the Globex ID account frank@example.test to your account?",
    );

    await frank.goto(`${attackerOrigin}/form`);
    await frank.waitForURL((url) => url.origin === appOrigin);
    await frank.goto(`${appOrigin}/sign-in/link/complete`);
    await openAccounts(frank);
    await expect(row(frank, "Globex ID").textContent()).resolves.toContain("Not connected");

    await frank.goto(`${appOrigin}/sign-in/link`);
    await frank.getByRole("button", { name: "Link", exact: true }).click();
    await frank.waitForURL(onAccounts);
    await expect(notice(frank).textContent()).resolves.toBe("Globex ID is now linked to your account.");
    await expect(row(frank, "Globex ID: frank-globex").isVisible()).resolves.toBe(true);
  });

  it("drops a pending link when the browser signs in some other way", async () => {
    const gia = await personPage();
    await signIn(gia, appOrigin, "Acme ID", "gia");
    await gia.getByRole("button", { name: "Sign out" }).click();
    await gia.waitForURL((url) => url.origin === appOrigin && url.pathname === "/sign-in");
    await signIn(gia, appOrigin, "Globex ID", "gia-globex", "gia@example.test");
    expect(new URL(gia.url()).pathname).toBe("/sign-in/link");
    // An ordinary sign-in from /sign-in, not from the confirmation page: the pending link is forgotten.
    await signIn(gia, appOrigin, "Acme ID", "gia");
    await gia.goto(`${appOrigin}/sign-in/link`);
    await expect(gia.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("This link request has expired");
  });
});
