import { OAuthCallbackError } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger } from "@/lib/auth/logger";

afterEach(() => vi.restoreAllMocks());

describe("Auth.js logger", () => {
  it("logs a provider's error answer (e.g. Cancel) as one line, without a stack or the callback's parameters", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    // As Auth.js builds it (its second argument is the callback's parameters, typed as ErrorOptions).
    const cause = { providerId: "globex", error: "access_denied", state: "secret-state" } as ErrorOptions;
    authLogger.error!(new OAuthCallbackError("OAuth Provider returned an error", cause));
    expect(warn.mock.calls).toEqual([["[auth] OAuthCallbackError: OAuth Provider returned an error"]]);
    expect(error).not.toHaveBeenCalled();
  });

  it("keeps the stack for unexpected errors", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    authLogger.error!(new Error("database down"));
    expect(error.mock.calls[0]).toEqual(["[auth][error] Error: database down"]);
    expect(String(error.mock.calls[1]?.[0])).toContain("database down\n    at ");
  });
});
