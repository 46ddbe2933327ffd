// Security events per user, shown at /settings/activity.
import "server-only";
import en from "@/messages/en.json";
import { db } from "./db";

// What a person reads for each type is in messages/*.json under activity.types (tests/messages.test.ts
// fails when one is missing in either language).
export const activityTypes = [
  "signed_in",
  "new_user",
  "account_connected",
  "account_updated",
  "connect_refused",
  "pending_link_created",
  "pending_link_completed",
  "account_disconnected",
  "revocation_failed",
  "needs_reconnect",
  "refresh_failing",
  "revocation_impossible",
  "passkey_added",
  "passkey_removed",
  "sessions_signed_out",
  "recent_sign_in_confirmed",
  "rate_limited",
  "account_deleted",
  "service_used",
  "services_allowed",
  "services_disallowed",
] as const;

export type ActivityType = (typeof activityTypes)[number];

export function isActivityType(value: string): value is ActivityType {
  return (activityTypes as readonly string[]).includes(value);
}

/**
 * A detail a person reads, kept as a message key (messages/*.json → activity.details) and its values, so the
 * activity page shows it in the reader's language. Free text (a passkey's name, a provider's error) stays text.
 */
export interface ActivityDetail {
  key: keyof (typeof en)["activity"]["details"];
  values: Record<string, string | number>;
}

const DETAIL_PREFIX = "msg:";

export async function recordActivity(userId: string, type: ActivityType, provider?: string, detail?: string | ActivityDetail) {
  const stored = typeof detail === "object" ? DETAIL_PREFIX + JSON.stringify(detail) : detail;
  await db.activityEvent.create({ data: { userId, type, provider, detail: stored?.slice(0, 1000) } });
}

/** A stored detail as a message to translate, or as text (older rows were written in English: shown as they are). */
export function readActivityDetail(stored: string): ActivityDetail | { text: string } {
  if (!stored.startsWith(DETAIL_PREFIX)) return { text: stored };
  try {
    const { key, values } = JSON.parse(stored.slice(DETAIL_PREFIX.length)) as ActivityDetail;
    const known = typeof key === "string" && Object.hasOwn(en.activity.details, key) && typeof values === "object" && values !== null;
    return known ? { key, values } : { text: stored };
  } catch {
    return { text: stored };
  }
}

export const ACTIVITY_PAGE_SIZE = 20;

/** Newest first; `page` starts at 1. */
export async function listActivity(userId: string, page: number) {
  const [events, total] = await Promise.all([
    db.activityEvent.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ACTIVITY_PAGE_SIZE,
      take: ACTIVITY_PAGE_SIZE,
      select: { id: true, type: true, provider: true, detail: true, createdAt: true },
    }),
    db.activityEvent.count({ where: { userId } }),
  ]);
  return { events, total, pages: Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE)) };
}
