// Screenshots of every page at phone and desktop widths, against a running `npm run dev`:
//   npx tsx scripts/screenshots.ts [origin]   → e2e/screenshots/*.png
import { mkdirSync } from "node:fs";
import { completeProviderLogin, launchBrowser, signIn } from "../e2e/support/browser";

const origin = process.argv[2] ?? "http://localhost:3000";
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
mkdirSync("e2e/screenshots", { recursive: true });

const browser = await launchBrowser();
for (const [label, viewport] of Object.entries(widths)) {
  const page = await (await browser.newContext({ viewport })).newPage();
  const shot = (name: string) => page.screenshot({ path: `e2e/screenshots/${name}-${label}.png`, fullPage: true });
  await page.goto(`${origin}/sign-in`);
  await shot("sign-in");
  await page.getByRole("button", { name: "Continue with Acme ID" }).click();
  await page.getByLabel("Username").waitFor();
  await shot("provider-login");
  await page.goto(`${origin}/sign-in`);
  await signIn(page, origin, "Acme ID", `shots-${label}`);
  await shot("home");
  await page.goto(`${origin}/settings/accounts`);
  const globex = page.getByRole("listitem", { name: "Globex ID", exact: true });
  if (await globex.getByRole("button", { name: "Connect", exact: true }).count()) {
    await globex.getByRole("button", { name: "Connect", exact: true }).click();
    await completeProviderLogin(page, `shots-${label}-globex`);
    await page.waitForURL((url) => url.pathname === "/settings/accounts");
  }
  await shot("accounts");
  // Each connection is its own list item, named "<Provider>: <identity>".
  const connected = page.getByRole("listitem", { name: `Globex ID: shots-${label}-globex`, exact: true });
  await connected.getByRole("button", { name: "Call API" }).click();
  await connected.getByRole("status").waitFor();
  await shot("accounts-api");
  await page.goto(`${origin}/settings/activity`);
  await shot("activity");
}
await browser.close();
console.log("Screenshots in e2e/screenshots/");
