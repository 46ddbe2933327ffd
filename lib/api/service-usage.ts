// The audit of services acting for a person: one activity entry per token issued or call proxied, and
// the per-connection "used by" summary shown on /settings/accounts.
import "server-only";
import { recordActivity } from "@/lib/activity";
import { db } from "@/lib/db";

export async function recordServiceUse(
  service: { id: string; name: string },
  use: { userId: string; connectionId: string; providerId: string; providerName: string; what: string },
) {
  const now = new Date();
  await Promise.all([
    // Upsert in SQL: concurrent requests of one service on one connection must not collide on the key.
    db.$executeRaw`
      INSERT INTO "ServiceUsage" ("serviceKeyId", "accountId", "lastUsedAt", "count") VALUES (${service.id}, ${use.connectionId}, ${now}, 1)
      ON CONFLICT ("serviceKeyId", "accountId") DO UPDATE SET "lastUsedAt" = GREATEST("ServiceUsage"."lastUsedAt", EXCLUDED."lastUsedAt"), "count" = "ServiceUsage"."count" + 1`,
    recordActivity(use.userId, "service_used", use.providerId, `${service.name} used your ${use.providerName} connection ${use.what}`),
  ]);
}

export interface ServiceUse {
  serviceName: string;
  lastUsedAt: Date;
  revoked: boolean;
}

/** Which services used each of a person's connections, most recent first. */
export async function listServiceUse(userId: string): Promise<Map<string, ServiceUse[]>> {
  const rows = await db.serviceUsage.findMany({
    where: { account: { userId } },
    orderBy: { lastUsedAt: "desc" },
    select: { accountId: true, lastUsedAt: true, serviceKey: { select: { name: true, revokedAt: true } } },
  });
  const byConnection = new Map<string, ServiceUse[]>();
  for (const row of rows) {
    const list = byConnection.get(row.accountId) ?? [];
    list.push({ serviceName: row.serviceKey.name, lastUsedAt: row.lastUsedAt, revoked: row.serviceKey.revokedAt !== null });
    byConnection.set(row.accountId, list);
  }
  return byConnection;
}
