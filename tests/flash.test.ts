import { describe, expect, it } from "vitest";
import { cancelReturnPath } from "@/lib/auth/cancelled-sign-in";
import { decodeFlash, encodeFlash, flashSetCookie } from "@/lib/flash-cookie";

describe("flash notices", () => {
  it("round-trips a flash and sets a short-lived HttpOnly cookie", () => {
    const flash = { key: "cancelledAt", tone: "info", values: { provider: "Globex ID" } } as const;
    expect(decodeFlash(encodeFlash(flash))).toEqual(flash);
    expect(flashSetCookie(flash)).toMatch(/^flash=[\w-]+; Path=\/; Max-Age=60; HttpOnly; SameSite=Lax$/);
  });

  it("reads anything forged or malformed as no flash", () => {
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    expect(decodeFlash(forge({ key: "nope", tone: "info" }))).toBeNull();
    expect(decodeFlash(forge({ key: "cancelledAt", tone: "loud" }))).toBeNull();
    expect(decodeFlash(forge({ key: "cancelledAt", tone: "info", values: { provider: "x".repeat(101) } }))).toBeNull();
    expect(decodeFlash(forge({ key: "cancelledAt", tone: "info", values: { provider: 1 } }))).toBeNull();
    expect(decodeFlash("%%%")).toBeNull();
    expect(decodeFlash("x".repeat(2000))).toBeNull();
    expect(decodeFlash(undefined)).toBeNull();
  });
});

describe("after cancelling at the provider", () => {
  it("returns a signed-out person to the sign-in page, keeping where they were headed", () => {
    expect(cancelReturnPath("/", false)).toBe("/sign-in");
    expect(cancelReturnPath("/settings/activity", false)).toBe("/sign-in?callbackUrl=%2Fsettings%2Factivity");
  });

  it("returns a signed-in person to the page they connected from, and a confirming one to the confirm page", () => {
    expect(cancelReturnPath("/settings/accounts", true)).toBe("/settings/accounts");
    expect(cancelReturnPath("/sign-in/link/complete", false)).toBe("/sign-in/link");
  });
});
