// A person's sessions on every device. Deleting a row signs that browser out: every request reads the
// session from the database, so its very next request finds nothing.
import "server-only";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translator";
import { describeUserAgent } from "./user-agent";

export interface SessionItem {
  id: string;
  device: string;
  startedAt: Date;
  lastActiveAt: Date;
  current: boolean;
}

/** `currentToken` is this browser's session cookie (lib/auth/current-session.ts). */
export async function listSessions(userId: string, currentToken: string | null, locale: Locale = "en"): Promise<SessionItem[]> {
  const token = currentToken;
  const rows = await db.session.findMany({
    where: { userId, expires: { gt: new Date() } },
    orderBy: [{ lastActiveAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, sessionToken: true, userAgent: true, createdAt: true, lastActiveAt: true },
  });
  // The token is compared here and dropped: it never leaves the server.
  const items = rows.map((row) => ({
    id: row.id,
    device: describeUserAgent(row.userAgent, locale) ?? translator(locale)("security.unknownDevice"),
    startedAt: row.createdAt,
    lastActiveAt: row.lastActiveAt,
    current: row.sessionToken === token,
  }));
  return [...items.filter((s) => s.current), ...items.filter((s) => !s.current)];
}

/** Signs out one other session of this user; the current one is left alone (use Sign out for that). */
export async function signOutSession(userId: string, sessionId: string, currentToken: string | null) {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId, sessionToken: { not: currentToken ?? "" } } });
  if (count > 0) await recordActivity(userId, "sessions_signed_out", undefined, { key: "sessionsSignedOut", values: { count } });
  return count === 1;
}

export async function signOutOtherSessions(userId: string, currentToken: string | null) {
  if (!currentToken) return 0;
  const { count } = await db.session.deleteMany({ where: { userId, sessionToken: { not: currentToken } } });
  if (count > 0) await recordActivity(userId, "sessions_signed_out", undefined, { key: "sessionsSignedOut", values: { count } });
  return count;
}
