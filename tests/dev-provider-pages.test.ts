import { describe, expect, it } from "vitest";
import { loginPage, pickPageLocale } from "@/dev-providers/pages.mjs";

const brand = { name: "Globex ID", color: "#059669", colorDark: "#047857", tint: "#d1fae5" };
const view = { action: "/interaction/x", abortAction: "/interaction/x/abort", clientName: "Connected Accounts" };

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe("local providers' login page", () => {
  it("follows ui_locales: the first of ja/en it lists, else English", () => {
    expect(pickPageLocale("ja-JP en")).toBe("ja");
    expect(pickPageLocale("fr en ja")).toBe("en");
    expect(pickPageLocale("fr")).toBe("en");
    expect(pickPageLocale(undefined)).toBe("en");
    const html = loginPage(brand, { ...view, locale: "ja" });
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("Globex ID にログイン");
    expect(html).toContain('<label for="username">ユーザー名</label>');
    expect(html).toContain('placeholder="&#60;ユーザー名&#62;@example.test"');
    expect(loginPage(brand, view)).toContain('<html lang="en">');
  });

  it("draws the Sign in button with at least 4.5:1 contrast, and has a dark scheme", () => {
    const html = loginPage(brand, view);
    const background = /\bbutton\{[^}]*background:(#[0-9a-f]{6})/.exec(html)?.[1];
    expect(background).toBeDefined();
    expect(contrast("#ffffff", background!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast("#ffffff", brand.color)).toBeLessThan(4.5); // why colorDark is used
    expect(html).toContain("@media (prefers-color-scheme: dark)");
  });
});
