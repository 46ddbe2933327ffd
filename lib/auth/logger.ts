// Auth.js's logger. A provider answering the callback with an error (the person pressed Cancel, or
// refused consent) is an everyday outcome: one line, not a stack trace. (Auth.js drops the error's cause
// — provider id and OAuth error code — so there is nothing more to print, and never the callback's
// parameters.) Everything else is logged as Auth.js would.
import type { NextAuthConfig } from "next-auth";

type AuthLogger = NonNullable<NextAuthConfig["logger"]>;

const everyday = new Set(["OAuthCallbackError", "AccessDenied"]);

export const authLogger: AuthLogger = {
  error(error) {
    const name = (error as { type?: string }).type ?? error.name;
    const message = error.message.replace(/\.? ?Read more at \S+$/, "");
    if (everyday.has(name)) {
      console.warn(`[auth] ${name}: ${message}`);
      return;
    }
    console.error(`[auth][error] ${name}: ${message}`);
    const cause = error.cause as { err?: unknown } | undefined;
    const stack = cause?.err instanceof Error ? cause.err.stack : error.stack;
    if (stack) console.error(stack);
  },
};
