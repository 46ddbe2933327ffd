import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { redirectAfterCancel } from "@/lib/auth/cancelled-sign-in";

export const { POST } = handlers;

export async function GET(request: NextRequest) {
  const response = await handlers.GET(request);
  return redirectAfterCancel(request, response) ?? response;
}
