// The audit of services acting for a person: one activity entry per token issued or call proxied, and
// the per-connection usage behind the "used by" line on /settings/accounts (lib/accounts/service-access.ts).
import "server-only";
import { recordActivity } from "@/lib/activity";
import { db } from "@/lib/db";

export async function recordServiceUse(
  service: { id: string; name: string },
  /** `call`: the proxied request ("GET /user"); without it the service was given an access token. */
  use: { userId: string; connectionId: string; providerId: string; providerName: string; call?: string },
) {
  const now = new Date();
  await Promise.all([
    // Upsert in SQL: concurrent requests of one service on one connection must not collide on the key.
    db.$executeRaw`
      INSERT INTO "ServiceUsage" ("serviceKeyId", "accountId", "lastUsedAt", "count") VALUES (${service.id}, ${use.connectionId}, ${now}, 1)
      ON CONFLICT ("serviceKeyId", "accountId") DO UPDATE SET "lastUsedAt" = GREATEST("ServiceUsage"."lastUsedAt", EXCLUDED."lastUsedAt"), "count" = "ServiceUsage"."count" + 1`,
    recordActivity(use.userId, "service_used", use.providerId, {
      key: use.call ? "serviceCall" : "serviceToken",
      values: { service: service.name, provider: use.providerName, ...(use.call ? { request: use.call } : {}) },
    }),
  ]);
}
