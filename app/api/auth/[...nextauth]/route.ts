import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { guardAuthRoute } from "@/lib/auth/route-guard";

export const GET = guardAuthRoute((request) => handlers.GET(request as NextRequest));
export const POST = guardAuthRoute((request) => handlers.POST(request as NextRequest));
