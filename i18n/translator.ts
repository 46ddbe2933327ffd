// Messages in a given language where next-intl's request config cannot help: plain functions called with a
// locale (unit tests, helpers shared by actions and routes) and route handlers that answer from the Request.
import { createTranslator } from "next-intl";
import en from "../messages/en.json";
import ja from "../messages/ja.json";
import { defaultLocale, LOCALE_COOKIE, pickLocale, type Locale } from "./locales";

const messages = { en, ja } as const;

export function translator(locale: Locale) {
  // ja.json has the same keys as en.json (tests/messages.test.ts); type both as the English tree.
  return createTranslator({ locale, messages: messages[locale] as typeof en });
}

/** The locale a request asks for, as i18n/request.ts picks it: the switcher's cookie, else Accept-Language. */
export function requestLocale(request: Request): Locale {
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return pickLocale(cookie, request.headers.get("accept-language"));
}

/** This request's locale where there may be no request (Auth.js adapter calls also run in scripts and tests). */
export async function currentLocale(): Promise<Locale> {
  try {
    const { cookies, headers } = await import("next/headers");
    const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
    return pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  } catch {
    return defaultLocale; // outside a request
  }
}
