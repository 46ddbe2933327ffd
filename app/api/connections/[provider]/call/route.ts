// POST /api/connections/<provider>/call — the "Call API" action as JSON, for scripts and load tests.
import { NextResponse } from "next/server";
import { auth } from "@/auth";
import { callProviderApi } from "@/lib/accounts/call-provider-api";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { findProvider } from "@/lib/providers";
import { hitUserRateLimit, tooManyRequests } from "@/lib/rate-limit";

export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  if (!isSameOrigin(request)) return NextResponse.json({ error: "Cross-origin requests are not allowed." }, { status: 403 });
  const userId = (await auth())?.user?.id;
  if (!userId) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const limited = await hitUserRateLimit("call-api", userId);
  if (!limited.ok) return tooManyRequests(limited.retryAfterSeconds, true);
  const { provider } = await params;
  if (!findProvider(provider)) return NextResponse.json({ error: "Unknown provider." }, { status: 404 });
  const result = await callProviderApi(userId, provider);
  return NextResponse.json(result, { status: result.ok ? 200 : 502 });
}
