import { describe, expect, it } from "vitest";
import { formatExact, formatRelative } from "@/lib/format-relative";

const now = Date.parse("2026-11-30T12:00:00Z");
const at = (seconds: number) => new Date(now + seconds * 1000);

describe("relative times", () => {
  it("reads naturally in English and Japanese", () => {
    expect(formatRelative(at(4 * 60), now, "en")).toBe("in 4 minutes");
    expect(formatRelative(at(-2 * 3600), now, "en")).toBe("2 hours ago");
    expect(formatRelative(at(-86400), now, "en")).toBe("yesterday");
    expect(formatRelative(at(4 * 60), now, "ja")).toBe("4 分後");
    expect(formatRelative(at(-2 * 3600), now, "ja")).toBe("2 時間前");
  });

  it("shows the exact time in the given zone", () => {
    expect(formatExact(new Date(now), "en", "Asia/Tokyo")).toContain("9:00:00 PM");
    expect(formatExact(new Date(now), "ja", "Asia/Tokyo")).toContain("21:00:00");
  });
});
