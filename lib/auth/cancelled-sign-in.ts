// When a person presses Cancel at the provider, it sends `error=access_denied` to our callback and
// Auth.js redirects to its error page. Instead, send the person back to where they started (the sign-in
// page, the confirm-it's-you page, or the settings page they were connecting from) with a flash notice.
import { findProvider } from "@/lib/providers";
import { flashSetCookie } from "@/lib/flash-cookie";
import { safeRedirect } from "./safe-redirect";
import { SESSION_COOKIES } from "./session-cookie";

const CALLBACK_PATH = /^\/api\/auth\/callback\/([\w-]{1,64})$/;
const CALLBACK_URL_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** The same-origin path Auth.js was asked to return to (its callback-url cookie), or "/". */
function destination(request: Request, origin: string): string {
  const raw = CALLBACK_URL_COOKIES.map((name) => readCookie(request, name)).find(Boolean);
  if (!raw) return "/";
  try {
    const url = new URL(raw, origin);
    return url.origin === origin ? safeRedirect(url.pathname + url.search) : "/";
  } catch {
    return "/";
  }
}

/** Where a person who cancelled lands, given where they were headed and whether they are signed in. */
export function cancelReturnPath(headedTo: string, signedIn: boolean): string {
  if (headedTo.startsWith("/sign-in/link")) return "/sign-in/link";
  if (signedIn) return headedTo;
  return headedTo === "/" ? "/sign-in" : `/sign-in?${new URLSearchParams({ callbackUrl: headedTo })}`;
}

/** Rewrites Auth.js's redirect after a cancelled authorization; null for every other request. */
export function redirectAfterCancel(request: Request, response: Response): Response | null {
  const url = new URL(request.url);
  const providerId = CALLBACK_PATH.exec(url.pathname)?.[1];
  if (!providerId || url.searchParams.get("error") !== "access_denied") return null;
  const provider = findProvider(providerId);
  const location = response.headers.get("location");
  if (!provider || !location || response.status < 300 || response.status >= 400) return null;
  const origin = new URL(location, url).origin;
  const signedIn = SESSION_COOKIES.some((name) => readCookie(request, name));
  const headers = new Headers(response.headers);
  headers.set("location", new URL(cancelReturnPath(destination(request, origin), signedIn), origin).toString());
  headers.append("set-cookie", flashSetCookie({ key: "cancelledAt", tone: "info", values: { provider: provider.name } }));
  return new Response(null, { status: response.status, headers });
}
