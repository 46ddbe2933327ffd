// Security events per user, shown at /settings/activity.
import "server-only";
import { db } from "./db";

export const activityLabels = {
  signed_in: "Signed in",
  new_user: "Account created",
  account_connected: "Account connected",
  account_updated: "Account access updated",
  connect_refused: "Connection refused",
  pending_link_created: "Sign-in paused: confirm it is you",
  pending_link_completed: "Account linked after confirmation",
  account_disconnected: "Account disconnected",
  revocation_failed: "Provider revocation failed",
  needs_reconnect: "Connection needs reconnecting",
  refresh_failing: "Connection keeps failing to refresh",
  revocation_impossible: "Provider revocation impossible",
  passkey_added: "Passkey added",
  passkey_removed: "Passkey removed",
  sessions_signed_out: "Signed out other sessions",
  recent_sign_in_confirmed: "Confirmed it was you",
  rate_limited: "Too many attempts: request refused",
  account_deleted: "Account deleted",
  service_used: "Used by a service",
  services_allowed: "Services allowed to use a connection",
  services_disallowed: "Services no longer allowed to use a connection",
} as const;

export type ActivityType = keyof typeof activityLabels;

export async function recordActivity(userId: string, type: ActivityType, provider?: string, detail?: string) {
  await db.activityEvent.create({ data: { userId, type, provider, detail: detail?.slice(0, 500) } });
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
