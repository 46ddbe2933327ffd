import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, pickLocale } from "@/i18n/locales";

describe("picking the language", () => {
  it("prefers the switcher's cookie, then Accept-Language, then English", () => {
    expect(pickLocale("ja", "en-US,en;q=0.9")).toBe("ja");
    expect(pickLocale("en", "ja")).toBe("en");
    expect(pickLocale(undefined, "ja-JP,ja;q=0.9,en;q=0.8")).toBe("ja");
    expect(pickLocale("fr", "de-DE")).toBe("en");
    expect(pickLocale(undefined, null)).toBe("en");
  });

  it("honours q-values and skips languages we do not have", () => {
    expect(localeFromAcceptLanguage("fr-FR, en;q=0.5, ja;q=0.8")).toBe("ja");
    expect(localeFromAcceptLanguage("de, fr;q=0.9")).toBeUndefined();
    expect(localeFromAcceptLanguage("ja;q=0, en")).toBe("en");
    expect(localeFromAcceptLanguage("*")).toBeUndefined();
  });
});
