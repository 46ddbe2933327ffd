import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

describe("sign-in error messages", () => {
  it("explains an email that belongs to an existing account (unverified, so never linked)", () => {
    expect(signInErrorMessage("EmailInUse")).toBe(
      "An account with this email already exists. Sign in the way you did before, then connect this provider from Settings.",
    );
  });

  it("falls back to a generic line for unknown codes and shows nothing without one", () => {
    expect(signInErrorMessage("<script>")).toBe("Something went wrong while signing in. Please try again.");
    expect(signInErrorMessage(undefined)).toBeUndefined();
  });
});
