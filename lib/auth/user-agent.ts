// "Chrome on Linux" from a User-Agent header (ua-parser-js), for the session and passkey lists.
import { UAParser } from "ua-parser-js";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translator";

export async function requestUserAgent(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get("user-agent")?.slice(0, 512) ?? null;
  } catch {
    return null; // outside a request (scripts, tests)
  }
}

/** "Chrome on Linux" ("Linux の Chrome"); null when the header names neither. */
export function describeUserAgent(userAgent: string | null | undefined, locale: Locale = "en"): string | null {
  if (!userAgent) return null;
  const { browser, os } = UAParser(userAgent);
  if (!browser.name && !os.name) return null;
  const t = translator(locale);
  const browserName = browser.name ?? t("security.unknownBrowser");
  return os.name ? t("security.device", { browser: browserName, os: os.name }) : browserName;
}
