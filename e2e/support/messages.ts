// The app's own messages, so browser tests find buttons by the names each language gives them.
import { createTranslator } from "next-intl";
import { pageText } from "../../dev-providers/pages.mjs";
import en from "../../messages/en.json";
import ja from "../../messages/ja.json";

export type TestLocale = "en" | "ja";

export function translator(locale: TestLocale) {
  return createTranslator({ locale, messages: locale === "ja" ? ja : en });
}

/** The local providers' login page texts in a language. */
export const providerText = (locale: TestLocale) => pageText(locale);
