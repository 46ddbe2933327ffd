// Checklist item 25: the database goes away mid-session. The person sees a clear error page, nothing is
// half-written, and the app recovers when the database is back.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { startApp, type AppProcess } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { freePort } from "./support/free-port";
import { accountStates, seedPeopleWithExpiredTokens, type SeededPerson } from "./support/seed";
import { startTcpProxy } from "../tests/support/tcp-proxy";

const appOrigin = inject("appOrigin");
const issuers = inject("issuers");
const databaseUrl = inject("databaseUrl");

describe.runIf(databaseUrl)("database outage", () => {
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let app: AppProcess;
  let origin: string;
  let person: SeededPerson;
  let browser: Browser;

  beforeAll(async () => {
    const url = new URL(databaseUrl!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    const port = await freePort();
    origin = `http://localhost:${port}`;
    app = await startApp(port, { ...inject("appEnv"), DATABASE_URL: url.toString(), AUTH_URL: origin }, inject("appLogFile"));
    [person] = await seedPeopleWithExpiredTokens(databaseUrl!, { id: "globex", issuer: issuers.globex }, appOrigin, 1);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await proxy?.close();
  });

  it("shows a clear error page while the database is away, writes nothing, and recovers", async () => {
    const context = await browser.newContext();
    const [name, value] = person.cookie.split("=");
    await context.addCookies([{ name, value, url: origin }]);
    const page = await context.newPage();
    await page.goto(`${origin}/settings/accounts`);
    await page.getByRole("heading", { name: "Connected accounts" }).waitFor();

    proxy.cut();
    // The page streams, so the status is already sent; what the person sees is the error boundary.
    await page.goto(`${origin}/settings/accounts`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("This page could not load");
    expect(await page.content()).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|prisma|stack/i);
    const call = await fetch(`${origin}/api/connections/${person.accountId}/call`, { method: "POST", headers: { cookie: person.cookie, origin } });
    expect(call.ok).toBe(false);

    proxy.restore();
    expect(await accountStates(databaseUrl!, [person.accountId])).toEqual([{ version: 0, status: "active" }]);
    await page.goto(`${origin}/settings/accounts`);
    await page.getByRole("heading", { name: "Connected accounts" }).waitFor();
    const recovered = await fetch(`${origin}/api/connections/${person.accountId}/call`, { method: "POST", headers: { cookie: person.cookie, origin } });
    expect(await recovered.json()).toMatchObject({ ok: true });
    await context.close();
  }, 60_000);
});
