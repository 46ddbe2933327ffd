// Call API results are written for the reader: the summary is translated on the server for the request's
// locale (the locale cookie, else Accept-Language), both in the settings page's action and in the JSON route.
import { describe, expect, inject, it } from "vitest";
import { completeProviderLogin, browserForFile, signIn } from "./support/browser";
import { translator } from "./support/messages";

const appOrigin = inject("appOrigin");
const browser = browserForFile();

describe("Call API in the person's language", () => {
  it("shows the result in Japanese on the settings page and from the JSON route, English for English readers", async () => {
    const ja = translator("ja");
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, appOrigin, "Acme ID", "kana");
    await page.goto(`${appOrigin}/settings/accounts`);
    await page.getByRole("listitem", { name: "Globex ID", exact: true }).getByRole("button", { name: "Connect", exact: true }).click();
    await completeProviderLogin(page, "kana-globex");
    await page.waitForURL((url) => url.pathname === "/settings/accounts");
    // The header's language switcher sets this cookie.
    await context.addCookies([{ name: "locale", value: "ja", url: appOrigin }]);
    await page.reload();
    const globex = page.getByRole("listitem", { name: "Globex ID: kana-globex", exact: true });
    await globex.getByRole("button", { name: ja("accounts.callApi") }).click();
    await expect.poll(() => globex.getByRole("status").textContent()).toContain(ja("apiResult.userinfo", { name: "kana-globex" }));

    const connectionId = await globex.locator('input[name="connectionId"]').first().getAttribute("value");
    const cookie = (await context.cookies(appOrigin)).map(({ name, value }) => `${name}=${value}`).join("; ");
    const call = async (acceptLanguage: string) => {
      const response = await fetch(`${appOrigin}/api/connections/${connectionId}/call`, {
        method: "POST",
        headers: { cookie: cookie.replace(/(^|; )locale=[^;]*/, ""), origin: appOrigin, "accept-language": acceptLanguage },
      });
      return response.json();
    };
    await expect(call("ja,en;q=0.5")).resolves.toEqual({ ok: true, summary: "kana-globex のユーザー情報 (userinfo)" });
    await expect(call("en-US")).resolves.toEqual({ ok: true, summary: "userinfo for kana-globex" });
    await context.close();
  });
});
