// Flash notices: a message shown once after an action or redirect, never in the URL.
//
// setFlash() (server action or route handler) stores it in a short-lived HttpOnly cookie. The next page
// request takes it: proxy.ts moves it into a request header and deletes the cookie in the same response,
// so a reload shows nothing. A page rendered inside the server action's own response (Next.js renders
// the redirect target in-process, where the proxy's cookie deletion cannot reach the browser) reads the
// cookie directly, and <FlashNotice> then deletes it with DELETE /api/flash once it is on screen.
import "server-only";
import { cookies, headers } from "next/headers";
import { decodeFlash, encodeFlash, FLASH_COOKIE, FLASH_HEADER, FLASH_MAX_AGE, type Flash } from "./flash-cookie";

export type { Flash, FlashKey, FlashTone } from "./flash-cookie";

/** In a server action or route handler: show `flash` on the next page this browser renders. */
export async function setFlash(flash: Flash): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, encodeFlash(flash), {
    path: "/", httpOnly: true, sameSite: "lax", maxAge: FLASH_MAX_AGE,
  });
}

/** In a server component: the pending flash, and whether the browser still holds its cookie. */
export async function readFlash(): Promise<{ flash: Flash; stillInCookie: boolean } | null> {
  const fromProxy = decodeFlash((await headers()).get(FLASH_HEADER));
  if (fromProxy) return { flash: fromProxy, stillInCookie: false };
  const fromCookie = decodeFlash((await cookies()).get(FLASH_COOKIE)?.value);
  return fromCookie ? { flash: fromCookie, stillInCookie: true } : null;
}
