// POST /api/connections/<connectionId>/call — the "Call API" action as JSON, for scripts and load tests. The id is
// an Account row id of the signed-in user; another user's id is answered exactly like an unknown one.
import { NextResponse } from "next/server";
import { auth } from "@/auth";
import { callProviderApi } from "@/lib/accounts/call-provider-api";
import { findConnection } from "@/lib/accounts/connections";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { withBodyLimit } from "@/lib/http/body-limit";
import { hitUserRateLimit, tooManyRequests } from "@/lib/rate-limit";

// The body is not used, but a client may still send one: it is refused above the limit, never read whole.
export const POST = withBodyLimit(async (request: Request, { params }: { params: Promise<{ connectionId: string }> }) => {
  if (!isSameOrigin(request)) return NextResponse.json({ error: "Cross-origin requests are not allowed." }, { status: 403 });
  const userId = (await auth())?.user?.id;
  if (!userId) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const limited = await hitUserRateLimit("call-api", userId);
  if (!limited.ok) return tooManyRequests(limited.retryAfterSeconds, request, true);
  const { connectionId } = await params;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(connectionId) || !(await findConnection(userId, connectionId))) {
    return NextResponse.json({ error: "No such connection." }, { status: 404 });
  }
  const result = await callProviderApi(userId, connectionId);
  return NextResponse.json(result, { status: result.ok ? 200 : 502 });
});
