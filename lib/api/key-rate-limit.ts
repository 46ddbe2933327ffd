// Per-key request limits in fixed one-minute windows, counted in the database so every app instance
// shares them. One upsert per request; a key's old windows are deleted when it opens a new one.
import "server-only";
import { db } from "@/lib/db";

const WINDOW_MS = 60_000;
const KEEP_MS = 60 * 60_000;

export type KeyRateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function consumeKeyRequest(serviceKeyId: string, limitPerMinute: number, now = Date.now()): Promise<KeyRateDecision> {
  const windowStart = new Date(Math.floor(now / WINDOW_MS) * WINDOW_MS);
  const [{ count }] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "ServiceKeyWindow" ("serviceKeyId", "windowStart", "count") VALUES (${serviceKeyId}, ${windowStart}, 1)
    ON CONFLICT ("serviceKeyId", "windowStart") DO UPDATE SET "count" = "ServiceKeyWindow"."count" + 1
    RETURNING "count"`;
  if (Number(count) === 1) {
    await db.serviceKeyWindow.deleteMany({ where: { serviceKeyId, windowStart: { lt: new Date(windowStart.getTime() - KEEP_MS) } } });
  }
  if (Number(count) <= limitPerMinute) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now) / 1000)) };
}
