import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { signInErrorKey } from "@/lib/auth/sign-in-errors";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";

const t = createTranslator({ locale: "en", messages: en, namespace: "signInErrors" });

describe("sign-in error messages", () => {
  it("explains an email that belongs to an existing account (unverified, so never linked)", () => {
    expect(t(signInErrorKey("EmailInUse")!)).toBe(
      "An account with this email already exists. Sign in the way you did before, then connect this provider from Settings.",
    );
  });

  it("falls back to a generic line for unknown codes and shows nothing without one", () => {
    expect(t(signInErrorKey("<script>")!)).toBe("Something went wrong while signing in. Please try again.");
    expect(signInErrorKey("constructor")).toBe("default");
    expect(signInErrorKey(undefined)).toBeUndefined();
  });

  it("has a Japanese message for every code", () => {
    const tJa = createTranslator({ locale: "ja", messages: ja, namespace: "signInErrors" });
    for (const code of Object.keys(en.signInErrors)) expect(tJa(signInErrorKey(code)!)).toMatch(/[ぁ-んァ-ン一-龯]/);
  });
});
