// Vercel Cron calls this with `Authorization: Bearer $CRON_SECRET` (see vercel.json).
import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { purgeExpiredPendingLinks } from "@/lib/accounts/purge-pending-links";
import { env } from "@/lib/env";
import { refreshExpiringAccounts } from "@/lib/tokens/keep-alive";

/** Seconds. The refresh loop stops starting new work after 40 s, so a run ends well inside this. */
export const maxDuration = 60;

function authorized(header: string | null): boolean {
  if (!env.CRON_SECRET || !header) return false;
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function GET(request: Request) {
  if (!env.CRON_SECRET) return NextResponse.json({ error: "CRON_SECRET is not configured" }, { status: 503 });
  if (!authorized(request.headers.get("authorization"))) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const refreshed = await refreshExpiringAccounts();
  const pendingLinks = await purgeExpiredPendingLinks();
  return NextResponse.json({ ...refreshed, pendingLinks });
}
