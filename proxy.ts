// Runs before every page: (1) an optimistic redirect of visitors without a session cookie away from
// /settings — every page and action still checks the session itself; (2) takes a pending flash notice
// out of its cookie (lib/flash.ts) so it is shown exactly once.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { FLASH_COOKIE, FLASH_HEADER } from "@/lib/flash-cookie";

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && request.nextUrl.pathname.startsWith("/settings")) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  return takeFlash(request);
}

function takeFlash(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.delete(FLASH_HEADER);
  const flash = request.cookies.get(FLASH_COOKIE)?.value;
  // Prefetches render pages nobody is looking at yet; leave the flash for the real visit.
  const prefetch = request.headers.has("next-router-prefetch") || request.headers.get("purpose") === "prefetch";
  if (!flash || prefetch) return NextResponse.next({ request: { headers } });
  headers.set(FLASH_HEADER, flash);
  request.cookies.delete(FLASH_COOKIE);
  headers.set("cookie", request.cookies.toString());
  const response = NextResponse.next({ request: { headers } });
  response.cookies.set(FLASH_COOKIE, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax" });
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|icon\\.svg).*)"],
};
