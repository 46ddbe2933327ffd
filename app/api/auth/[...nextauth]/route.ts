import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { redirectAfterCancel } from "@/lib/auth/cancelled-sign-in";
import { guardAuthRoute } from "@/lib/auth/route-guard";
import { withBodyLimit } from "@/lib/http/body-limit";

// Auth.js reads a body whole before any check of its own, so the size limit comes first, then rate limits.
export const POST = withBodyLimit(guardAuthRoute(handlers.POST));

// Cancelling at the provider returns the person to where they started, with a notice (lib/auth/cancelled-sign-in.ts).
export const GET = guardAuthRoute(async (request: NextRequest) => {
  const response = await handlers.GET(request);
  return redirectAfterCancel(request, response) ?? response;
});
