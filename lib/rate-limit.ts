// Rate limits kept in the database (no extra server): one fixed-window counter per rule and subject,
// bumped with a single atomic upsert so concurrent requests across processes count exactly.
import "server-only";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import { env } from "@/lib/env";
import type { Locale } from "@/i18n/locales";
import { requestLocale, translator } from "@/i18n/translator";

export const rateLimits = {
  /** Per IP: starting a sign-in (provider buttons, "Confirm it's you"). */
  "sign-in": { limit: env.AUTH_RATE_LIMIT_PER_IP, windowSeconds: 600, per: "ip" },
  /** Per IP: requests to /api/auth/callback/* and WebAuthn options. */
  callback: { limit: env.AUTH_RATE_LIMIT_PER_IP, windowSeconds: 600, per: "ip" },
  /** Per user: Connect, Reconnect and Grant more access. */
  connect: { limit: 10, windowSeconds: 600, per: "user" },
  disconnect: { limit: 10, windowSeconds: 600, per: "user" },
  "call-api": { limit: 60, windowSeconds: 60, per: "user" },
} as const;

export type RateLimitRule = keyof typeof rateLimits;

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number; firstRefusal: boolean };

export const rateLimitKey = (rule: RateLimitRule, subject: string) => `${rule}:${subject}`;

/** Counts one attempt; over the limit the attempt is refused (and still counted, so hammering never helps). */
export async function hitRateLimit(rule: RateLimitRule, subject: string, now = new Date()): Promise<RateLimitResult> {
  const { limit, windowSeconds } = rateLimits[rule];
  const key = rateLimitKey(rule, subject);
  const resetAt = new Date(now.getTime() + windowSeconds * 1000);
  const [row] = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  if (row.count <= limit) return { ok: true };
  const retryAfterSeconds = Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000));
  return { ok: false, retryAfterSeconds, firstRefusal: row.count === limit + 1 };
}

/** For user-scoped rules: counts the attempt and records the first refusal of each window in Activity. */
export async function hitUserRateLimit(rule: RateLimitRule, userId: string): Promise<RateLimitResult> {
  const result = await hitRateLimit(rule, userId);
  if (!result.ok && result.firstRefusal) {
    await recordActivity(userId, "rate_limited", undefined, { key: "rateLimited", values: { rule, seconds: result.retryAfterSeconds } });
  }
  return result;
}

/** "Too many attempts…" in `locale` (messages/*.json → actions.rateLimitedSeconds / rateLimitedMinutes). */
export function rateLimitMessage(retryAfterSeconds: number, locale: Locale) {
  const t = translator(locale);
  // Up to a minute in seconds ("60 seconds", never "1 minutes"); longer waits in whole minutes.
  return retryAfterSeconds <= 60
    ? t("actions.rateLimitedSeconds", { count: retryAfterSeconds })
    : t("actions.rateLimitedMinutes", { count: Math.ceil(retryAfterSeconds / 60) });
}

/**
 * The HTTP answer for a refused request: 429, Retry-After, and a message a person can read, in the language
 * the request asks for (its locale cookie, else Accept-Language).
 */
export function tooManyRequests(retryAfterSeconds: number, request: Request, json = false) {
  const message = rateLimitMessage(retryAfterSeconds, requestLocale(request));
  const headers = { "Retry-After": String(retryAfterSeconds) };
  return json
    ? Response.json({ error: message }, { status: 429, headers })
    : new Response(message, { status: 429, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

/** The client IP as the nearest proxy reports it; "unknown" groups requests without one. */
export function clientIp(headers: Headers) {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim() || "unknown";
}
