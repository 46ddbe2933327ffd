// next-intl's per-request configuration (found by the plugin in next.config.js).
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, pickLocale } from "./locales";

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    // The server cannot know the reader's zone; times people read are formatted in the browser
    // (components/relative-time.tsx). UTC keeps server output stable.
    timeZone: "UTC",
  };
});
