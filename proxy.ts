// Two jobs, both before any page or action code runs:
// - refuse oversized server-action bodies with 413 (Next's own limit answers 500 and only after reading);
// - optimistic redirect to sign-in: a visitor without a session cookie never needs to render /settings.
// Every page and action still checks the session itself.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { BODY_LIMIT_BYTES, declaresTooMuch, payloadTooLarge, readWithin } from "@/lib/http/body-limit";

export async function proxy(request: NextRequest) {
  if (request.method === "POST") {
    if (declaresTooMuch(request.headers)) return payloadTooLarge();
    // A chunked body: Next hands the proxy a copy capped at proxyClientMaxBodySize (next.config.js), which is
    // twice our limit: it ends before the chunk that would cross it, and Node's chunks are at most 64 KB, so an
    // oversized body always shows more than the limit here.
    if (!request.headers.has("content-length") && !(await readWithin(request.body, BODY_LIMIT_BYTES)).ok) return payloadTooLarge();
  }
  if (!request.nextUrl.pathname.startsWith("/settings")) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

// Server actions post to the page they are on (the sign-out button is on every page): fetch actions carry a
// Next-Action header, forms submitted before hydration are multipart. Route handlers check their own bodies
// (lib/http/body-limit.ts). The matcher must be literal: Next reads it without running this file.
export const config = {
  matcher: [
    "/settings/:path*",
    { source: "/((?!api/|_next/|favicon.ico).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!api/|_next/|favicon.ico).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
