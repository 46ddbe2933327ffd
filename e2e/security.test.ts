// The OAuth client and app items of ../shared/SECURITY.md, shown in a real browser against the production build.
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { completeProviderLogin, browserForFile, signIn } from "./support/browser";
import { storedTokens } from "./support/stored-tokens";

const appOrigin = inject("appOrigin");
const issuers = inject("issuers");
const databaseUrl = inject("databaseUrl");
const browser = browserForFile();

async function sessionCookie(page: Page) {
  return (await page.context().cookies(appOrigin)).find((cookie) => cookie.name.endsWith("authjs.session-token"));
}

/**
 * Signs in at Acme but stops the browser before the callback reaches the app; returns the callback URL.
 * Playwright's routing skips redirect hops, so this pauses the request through Chromium's own Fetch domain.
 */
async function interceptedCallback(page: Page, username: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  let callback = "";
  cdp.on("Fetch.requestPaused", (event) => {
    callback = event.request.url;
    void cdp.send("Fetch.failRequest", { requestId: event.requestId, errorReason: "Aborted" });
  });
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: "*/api/auth/callback/*", requestStage: "Request" }] });
  await page.goto(`${appOrigin}/sign-in`);
  await page.getByRole("button", { name: "Continue with Acme ID" }).click();
  await completeProviderLogin(page, username);
  await expect.poll(() => callback).not.toBe("");
  await cdp.send("Fetch.disable");
  await cdp.detach();
  return callback;
}

async function expectRefused(page: Page) {
  const url = new URL(page.url());
  expect(url.origin).toBe(appOrigin);
  expect(url.pathname).toBe("/sign-in");
  expect(url.searchParams.get("error")).toBeTruthy();
  expect(await sessionCookie(page)).toBeUndefined();
}

describe("authorization requests", () => {
  it.each([["Acme ID", issuers.acme], ["Globex ID", issuers.globex]])(
    "%s: authorization code with PKCE S256, state and nonce; no token in the URL",
    async (name, issuer) => {
      const page = await browser.newPage();
      await page.goto(`${appOrigin}/sign-in`);
      const [request] = await Promise.all([
        page.waitForRequest((r) => r.url().startsWith(`${issuer}/auth?`)),
        page.getByRole("button", { name: `Continue with ${name}` }).click(),
      ]);
      const params = new URL(request.url()).searchParams;
      expect(params.get("response_type")).toBe("code");
      expect(params.get("code_challenge_method")).toBe("S256");
      expect(params.get("code_challenge")).toMatch(/^[\w-]{43}$/);
      expect(params.get("state")).toBeTruthy();
      expect(params.get("nonce")).toBeTruthy();
      expect(params.get("redirect_uri")).toBe(`${appOrigin}/api/auth/callback/${name === "Acme ID" ? "acme" : "globex"}`);
      expect([...params.keys()].some((key) => /token/.test(key))).toBe(false);
      await page.context().close();
    },
  );
});

describe("callbacks", () => {
  it("refuses a callback without its check cookies, and a used callback replayed in a fresh browser", async () => {
    const rightful = await (await browser.newContext()).newPage();
    const callback = await interceptedCallback(rightful, "replay-me");
    const attacker = await (await browser.newContext()).newPage();
    await attacker.goto(callback); // no state / PKCE / nonce cookies in this browser
    await expectRefused(attacker);
    await rightful.goto(callback);
    expect(new URL(rightful.url()).pathname).toBe("/");
    expect(await sessionCookie(rightful)).toBeDefined();
    const replay = await (await browser.newContext()).newPage();
    await replay.goto(callback);
    await expectRefused(replay);
    for (const page of [rightful, attacker, replay]) await page.context().close();
  });

  it("refuses Acme's callback delivered to Globex's callback path (mix-up)", async () => {
    const page = await (await browser.newContext()).newPage();
    const callback = await interceptedCallback(page, "mixup");
    await page.goto(callback.replace("/api/auth/callback/acme", "/api/auth/callback/globex"));
    await expectRefused(page);
    await page.context().close();
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"])(
    "never redirects off-site after sign-in: callbackUrl=%s",
    async (target) => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${appOrigin}/sign-in?callbackUrl=${encodeURIComponent(target)}`);
      await page.getByRole("button", { name: "Continue with Acme ID" }).click();
      await completeProviderLogin(page, "redirect-test");
      await page.waitForURL((url) => url.origin === appOrigin && !url.pathname.startsWith("/api/auth"));
      expect(new URL(page.url()).origin).toBe(appOrigin);
      expect(new URL(page.url()).pathname).toBe("/");
      await page.context().close();
    },
  );
});

describe("the app", () => {
  it("refuses a cross-origin POST to a server action and to Auth.js sign-out; the session survives", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, appOrigin, "Acme ID", "csrf-target");
    const cookie = (await page.context().cookies(appOrigin)).map((c) => `${c.name}=${c.value}`).join("; ");
    const html = await page.content();
    const signOutAction = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)![1];
    const post = (origin: string) => {
      const form = new FormData();
      form.set(signOutAction, "");
      return fetch(`${appOrigin}/settings/accounts`, { method: "POST", body: form, redirect: "manual", headers: { cookie, origin } });
    };
    const forged = await post("https://evil.example");
    expect(forged.status).toBeGreaterThanOrEqual(400);
    const authForged = await fetch(`${appOrigin}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(authForged.headers.get("location") ?? "").not.toContain("signout=success");
    // The JSON route addresses a connection by id; the id is in the page's own forms.
    const accounts = await page.context().newPage();
    await accounts.goto(`${appOrigin}/settings/accounts`);
    const connectionId = await accounts.locator('input[name="connectionId"]').first().getAttribute("value");
    await accounts.close();
    const routeForged = await fetch(`${appOrigin}/api/connections/${connectionId}/call`, { method: "POST", headers: { cookie, origin: "https://evil.example" } });
    expect(routeForged.status).toBe(403);
    const routeGenuine = await fetch(`${appOrigin}/api/connections/${connectionId}/call`, { method: "POST", headers: { cookie, origin: appOrigin } });
    expect(await routeGenuine.json()).toEqual({ ok: true, summary: "userinfo for csrf-target" });
    await page.goto(`${appOrigin}/settings/accounts`);
    expect(new URL(page.url()).pathname).toBe("/settings/accounts");
    // Control: the same request from our own origin does sign out, so the refusal above was the origin check.
    const genuine = await post(appOrigin);
    expect(genuine.status).toBeLessThan(400);
    await page.goto(`${appOrigin}/settings/accounts`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.context().close();
  });

  it("sets the session cookie HttpOnly and SameSite=Lax", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, appOrigin, "Acme ID", "cookie-flags");
    const cookie = await sessionCookie(page);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    await page.context().close();
  });

  it("runs only the scripts the page was rendered with: a fresh nonce per request, injected scripts refused", async () => {
    const page = await (await browser.newContext()).newPage();
    const nonces: string[] = [];
    for (const path of ["/sign-in", "/sign-in"]) {
      const response = await page.goto(`${appOrigin}${path}`);
      const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"])?.[1];
      expect(nonce).toBeDefined();
      nonces.push(nonce!);
      // Every script Next.js wrote carries it (the browser hides a nonce attribute's value from the DOM, not the property).
      const scripts = await page.locator("script").evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.every((value) => value === nonce)).toBe(true);
    }
    expect(nonces[0]).not.toBe(nonces[1]);

    // Markup injected the way an XSS bug would (an inline event handler, no nonce) runs nothing.
    await page.getByRole("button", { name: "Continue with Acme ID" }).waitFor();
    const violation = page.evaluate(() => new Promise<string>((resolve) => document.addEventListener("securitypolicyviolation", (event) => resolve(event.violatedDirective), { once: true })));
    await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img src="data:," onerror="window.injected = true">`));
    await expect(violation).resolves.toMatch(/^script-src/);
    expect(await page.evaluate(() => "injected" in window)).toBe(false);

    const api = await page.request.get(`${appOrigin}/api/v1/openapi.json`);
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    await page.context().close();
  });

  it("sends security headers on every page and loads nothing from other origins", async () => {
    const page = await (await browser.newContext()).newPage();
    const foreign: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin !== appOrigin && !Object.values(issuers).includes(url.origin)) foreign.push(request.url());
    });
    await signIn(page, appOrigin, "Acme ID", "headers");
    for (const path of ["/", "/sign-in", "/sign-in/link", "/settings/accounts", "/settings/activity"]) {
      const response = await page.goto(`${appOrigin}${path}`);
      const headers = response!.headers();
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"], path).toContain("default-src 'self'");
      expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'(;|$)/);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("no-referrer");
      expect(headers["x-frame-options"], path).toBe("DENY");
    }
    expect(foreign).toEqual([]);
    await page.context().close();
  });

  it("never writes a token to the server log", async () => {
    const log = readFileSync(inject("appLogFile"), "utf8");
    expect(log).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
    expect(log).not.toMatch(/(access|refresh|id)_token["']?\s*[:=]/);
    if (databaseUrl) for (const token of await storedTokens(databaseUrl)) expect(log).not.toContain(token);
  });
});
