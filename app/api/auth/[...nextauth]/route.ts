import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { guardAuthRoute } from "@/lib/auth/route-guard";
import { withBodyLimit } from "@/lib/http/body-limit";

// Auth.js reads a body whole before any check of its own, so the size limit comes first, then rate limits.
export const GET = guardAuthRoute((request) => handlers.GET(request as NextRequest));
export const POST = withBodyLimit(guardAuthRoute((request) => handlers.POST(request as NextRequest)));
