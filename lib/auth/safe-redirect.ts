/**
 * A same-origin path to go to after signing in. Anything else — absolute URLs, protocol-relative
 * `//host`, backslash tricks like `/\host`, control characters — falls back to the default.
 */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length > 2048) return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(target)) return fallback;
  return target;
}
