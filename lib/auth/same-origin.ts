// CSRF defence for route handlers that change things (server actions get Next's own origin check).
import "server-only";
import { env } from "@/lib/env";

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const expected = env.AUTH_URL ? new URL(env.AUTH_URL).origin : new URL(request.url).origin;
  return origin === expected;
}

/**
 * For plain HTML form posts from our own pages. Our pages send `Referrer-Policy: no-referrer`, and with it Chromium
 * sends `Origin: null` on a form navigation; the browser's own `Sec-Fetch-Site` (which pages cannot set) then tells
 * a same-origin post from a cross-site one. Any real Origin must still be ours.
 */
export function isSameOriginFormPost(request: Request): boolean {
  if (isSameOrigin(request)) return true;
  const origin = request.headers.get("origin");
  return (origin === null || origin === "null") && request.headers.get("sec-fetch-site") === "same-origin";
}
