// Auth.js's logger. A provider answering the callback with an error (the person pressed Cancel, or
// refused consent) is an everyday outcome: one line, not a stack trace. (Auth.js drops the error's cause
// — provider id and OAuth error code — so there is nothing more to print, and never the callback's
// parameters.) Everything else is logged as Auth.js would.
import { AuthError, type NextAuthConfig } from "next-auth";

type AuthLogger = NonNullable<NextAuthConfig["logger"]>;

const everyday = new Set(["OAuthCallbackError", "AccessDenied"]);

export const authLogger: AuthLogger = {
  error(error) {
    const name = error instanceof AuthError ? error.type : error.name;
    const message = error.message.replace(/\.? ?Read more at \S+$/, "");
    if (everyday.has(name)) {
      console.warn(`[auth] ${name}: ${message}`);
      return;
    }
    console.error(`[auth][error] ${name}: ${message}`);
    const cause = error instanceof AuthError ? error.cause?.err : undefined;
    const stack = cause instanceof Error ? cause.stack : error.stack;
    if (stack) console.error(stack);
  },
};
