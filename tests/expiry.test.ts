// The one expiry margin (lib/tokens/expiry.ts), shared by the settings page and withProviderToken.
// Pure: every case passes its own "now", so nothing depends on how fast the test runs.
import { describe, expect, it } from "vitest";
import { expiryState, needsRefresh } from "@/lib/tokens/expiry";

const now = Date.UTC(2026, 10, 30, 12, 0, 0);
const at = (secondsFromNow: number) => now / 1000 + secondsFromNow;
const issued = (secondsAgo: number) => new Date(now - secondsAgo * 1000);

describe("expiryState", () => {
  it("long-lived tokens: expiring within a minute, expired at or past expiry", () => {
    expect(expiryState(at(3600), issued(0), now)).toBe("valid");
    expect(expiryState(at(61), issued(3539), now)).toBe("valid");
    expect(expiryState(at(59), issued(3541), now)).toBe("expiring");
    expect(expiryState(at(0), issued(3600), now)).toBe("expired");
    expect(expiryState(at(-10), null, now)).toBe("expired");
  });

  it("short-lived tokens: expiring only in the last quarter of their lifetime", () => {
    expect(expiryState(at(8), issued(0), now)).toBe("valid"); // 8 s lifetime, 8 s left
    expect(expiryState(at(3), issued(5), now)).toBe("valid"); // 8 s lifetime, 3 s left (quarter is 2 s)
    expect(expiryState(at(1), issued(7), now)).toBe("expiring");
    expect(expiryState(at(8), issued(40), now)).toBe("expiring"); // 48 s lifetime, 8 s left (quarter is 12 s)
  });

  it("no expiry: always valid; unknown issue time: the one-minute margin", () => {
    expect(expiryState(null, null, now)).toBe("valid");
    expect(expiryState(at(30), null, now)).toBe("expiring");
    expect(needsRefresh(at(30), null, now)).toBe(true);
    expect(needsRefresh(at(300), null, now)).toBe(false);
  });
});
