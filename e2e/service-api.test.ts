// The service API as an outside service uses it: keys made with the CLI, plain fetch with a bearer key
// against two `next start` processes sharing PostgreSQL, and the person's consent switch in Chromium.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { postgresConfig } from "../lib/database/connect";
import { openApiDocument } from "../lib/api/openapi";
import { devStats } from "../tests/support/oidc-client";
import { startApp, type AppProcess } from "./support/app-server";
import { launchBrowser, signIn } from "./support/browser";
import { freePort } from "./support/free-port";
import { seedPeopleWithExpiredTokens } from "./support/seed";

const appOrigin = inject("appOrigin");
const issuers = inject("issuers");
const databaseUrl = inject("databaseUrl");

/** `npm run keys:<command>` as an operator runs it, against the app's database. */
function keysCli(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/keys.ts", ...args], {
      env: { ...process.env, ...inject("appEnv"), NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

async function createKey(name: string, scopes: string) {
  const { code, out } = await keysCli("create", "--name", name, "--scopes", scopes);
  expect(code, out).toBe(0);
  const key = /^(cak_[a-z0-9]+_[A-Za-z0-9_-]+)$/m.exec(out)?.[1];
  if (!key) throw new Error(`no key in the CLI output:\n${out}`);
  return { key, prefix: key.split("_")[1] };
}

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(postgresConfig(databaseUrl!).pool);
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

const api = (origin: string, key: string, route: string, body?: unknown) =>
  fetch(`${origin}/api/v1${route}`, {
    method: body === undefined && route.endsWith("/connections") ? "GET" : "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe.runIf(databaseUrl)("service API over HTTP: two app processes, one database", () => {
  let second: AppProcess;
  let secondOrigin: string;
  let browser: Browser;
  const keys: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    secondOrigin = `http://localhost:${port}`;
    second = await startApp(port, { ...inject("appEnv") }, inject("appLogFile"));
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await second?.stop();
  });

  it("serves the OpenAPI document it is tested against", async () => {
    const response = await fetch(`${appOrigin}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });

  it("20 concurrent token requests across both instances: one refresh, the same token for all", async () => {
    const { key } = await createKey("Nightly sync", "tokens:read,proxy");
    keys.push(key);
    const [person] = await seedPeopleWithExpiredTokens(databaseUrl!, { id: "globex", issuer: issuers.globex }, appOrigin, 1);
    await sql(`UPDATE "Account" SET "allowServices" = true WHERE "id" = $1`, [person.accountId]);
    const before = (await devStats(issuers.globex)).token.refresh_token ?? 0;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api(i % 2 === 0 ? appOrigin : secondOrigin, key, `/connections/${person.accountId}/token`, {})),
    );
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(new Set(bodies.map((body) => body.access_token)).size).toBe(1);
    expect((await devStats(issuers.globex)).token.refresh_token - before).toBe(1);
    const [usage] = await sql<{ count: number }>(`SELECT "count" FROM "ServiceUsage" WHERE "accountId" = $1`, [person.accountId]);
    expect(usage.count).toBe(20);
  }, 120_000);

  it("consent off → consent_required and no provider call; a path leaving the host is refused; a revoked key is refused next time", async () => {
    const { key, prefix } = await createKey("Report bot", "tokens:read,proxy");
    keys.push(key);
    const [person] = await seedPeopleWithExpiredTokens(databaseUrl!, { id: "globex", issuer: issuers.globex }, appOrigin, 1);
    const before = await devStats(issuers.globex);
    for (const origin of [appOrigin, secondOrigin]) {
      const token = await api(origin, key, `/connections/${person.accountId}/token`, {});
      expect([token.status, token.headers.get("content-type"), (await token.json()).code]).toEqual([403, "application/problem+json", "consent_required"]);
      const proxied = await api(origin, key, `/connections/${person.accountId}/proxy`, { method: "GET", path: "/me" });
      expect((await proxied.json()).code).toBe("consent_required");
    }
    expect(await devStats(issuers.globex)).toEqual(before);

    await sql(`UPDATE "Account" SET "allowServices" = true WHERE "id" = $1`, [person.accountId]);
    for (const path of ["//evil.example/me", "/%2e%2e/%2e%2e/me", "https://evil.example/", "/..\\..\\me"]) {
      const refused = await api(appOrigin, key, `/connections/${person.accountId}/proxy`, { method: "GET", path });
      expect([refused.status, (await refused.json()).code]).toEqual([400, "path_not_allowed"]);
    }
    const proxied = await api(secondOrigin, key, `/connections/${person.accountId}/proxy`, { method: "GET", path: "/me" });
    expect(proxied.status).toBe(200);
    expect((await proxied.json()).sub).toMatch(/^load-/);

    const { code, out } = await keysCli("revoke", prefix);
    expect(code, out).toBe(0);
    const refused = await api(secondOrigin, key, `/connections/${person.accountId}/token`, {});
    expect([refused.status, (await refused.json()).code]).toEqual([401, "unauthorized"]);
  }, 120_000);

  it("the person sees the consent switch and which service used the connection; turning it off applies to the next request", async () => {
    const { key } = await createKey("Nightly sync", "tokens:read");
    keys.push(key);
    const page: Page = await browser.newPage();
    await signIn(page, appOrigin, "Acme ID", "svc-owner");
    await page.goto(`${appOrigin}/settings/accounts`);
    const row = page.getByRole("listitem", { name: "Acme ID: svc-owner", exact: true });
    const toggle = row.getByRole("switch", { name: "Allow services to use this connection" });
    await expect(toggle.getAttribute("aria-checked")).resolves.toBe("false");
    await expect(row.getByTestId("service-usage").textContent()).resolves.toBe("No service has used it yet.");

    const [connection] = await sql<{ id: string }>(`SELECT "id" FROM "Account" WHERE "provider" = 'acme' AND "providerAccountId" = 'svc-owner'`);
    const refused = await api(appOrigin, key, `/connections/${connection.id}/token`, {});
    expect((await refused.json()).code).toBe("consent_required");

    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("true");
    expect((await api(secondOrigin, key, `/connections/${connection.id}/token`, {})).status).toBe(200);
    await page.reload();
    await expect(row.getByTestId("service-usage").textContent()).resolves.toMatch(/^Used by Nightly sync (now|\d+ seconds? ago)$/);
    await page.goto(`${appOrigin}/settings/activity`);
    await expect(page.getByText("Nightly sync used your Acme ID connection to get an access token").count()).resolves.toBe(1);

    await page.goto(`${appOrigin}/settings/accounts`);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-checked")).toBe("false");
    expect((await (await api(appOrigin, key, `/connections/${connection.id}/token`, {})).json()).code).toBe("consent_required");
    await page.screenshot({ path: "e2e/screenshots/service-access.png", fullPage: true });
  }, 120_000);

  it("never logs a service key or a token it handed out", () => {
    const logs = readFileSync(inject("appLogFile"), "utf8");
    for (const key of keys) {
      expect(logs).not.toContain(key);
      // cak_<prefix>_<secret>: the secret is base64url and may itself contain "_".
      expect(logs).not.toContain(key.slice(`cak_${key.split("_")[1]}_`.length));
    }
  });
});
