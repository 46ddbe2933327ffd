// Runs before every page, before any page or action code:
// (1) refuses oversized server-action bodies with 413 (Next's own limit answers 500 and only after reading);
// (2) an optimistic redirect of visitors without a session cookie away from /settings — every page and action
//     still checks the session itself;
// (3) takes a pending flash notice out of its cookie (lib/flash.ts) so it is shown exactly once;
// (4) gives every page its Content-Security-Policy with a fresh script nonce (lib/http/content-security-policy.ts).
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { FLASH_COOKIE, FLASH_HEADER } from "@/lib/flash-cookie";
import { BODY_LIMIT_BYTES, declaresTooMuch, payloadTooLarge, readWithin } from "@/lib/http/body-limit";
import { newNonce, pageContentSecurityPolicy } from "@/lib/http/content-security-policy";

export async function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy(newNonce());
  const response = (await refusal(request)) ?? passOn(request, policy);
  response.headers.set("content-security-policy", policy);
  return response;
}

/** A 413 or the redirect to sign-in, or null when the request goes on to the page. */
async function refusal(request: NextRequest) {
  if (request.method === "POST") {
    if (declaresTooMuch(request.headers)) return payloadTooLarge();
    // A chunked body: Next hands the proxy a copy capped at proxyClientMaxBodySize (next.config.js), which is
    // twice our limit: it ends before the chunk that would cross it, and Node's chunks are at most 64 KB, so an
    // oversized body always shows more than the limit here.
    if (!request.headers.has("content-length") && !(await readWithin(request.body, BODY_LIMIT_BYTES)).ok) return payloadTooLarge();
  }
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && request.nextUrl.pathname.startsWith("/settings")) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  return null;
}

function passOn(request: NextRequest, policy: string) {
  const headers = new Headers(request.headers);
  // Next.js takes the nonce for the scripts it renders from the policy on the request.
  headers.set("content-security-policy", policy);
  return takeFlash(request, headers);
}

/** The request goes on with `headers`, and with the pending flash notice, if any, moved from its cookie into one. */
function takeFlash(request: NextRequest, headers: Headers) {
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

// Every page (server actions post to the page they are on); route handlers check their own bodies
// (lib/http/body-limit.ts). The matcher must be literal: Next reads it without running this file.
export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|icon\\.svg).*)"],
};
