// Auth.js's logger. A provider answering the callback with an error (the person pressed Cancel, or
// refused consent) is an everyday outcome, so it is one line naming the provider and the OAuth error
// code — not a stack trace. Never the callback's other parameters (state, iss, description).
import type { NextAuthConfig } from "next-auth";

type AuthLogger = NonNullable<NextAuthConfig["logger"]>;

function providerError(error: Error): { providerId: string; code: string } | null {
  if ((error as { type?: string }).type !== "OAuthCallbackError") return null;
  const cause = error.cause as { providerId?: unknown; error?: unknown } | undefined;
  if (typeof cause?.providerId !== "string" || typeof cause.error !== "string") return null;
  return { providerId: cause.providerId, code: cause.error.replace(/[^\w.-]/g, "").slice(0, 64) };
}

export const authLogger: AuthLogger = {
  error(error) {
    const fromProvider = providerError(error);
    if (fromProvider) {
      console.warn(`[auth] ${fromProvider.providerId} returned ${fromProvider.code} to the callback; the person was sent back with a message`);
      return;
    }
    const name = (error as { type?: string }).type ?? error.name;
    console.error(`[auth][error] ${name}: ${error.message}`);
    const cause = error.cause as { err?: unknown } | undefined;
    const stack = cause?.err instanceof Error ? cause.err.stack : error.stack;
    if (stack) console.error(stack);
  },
};
