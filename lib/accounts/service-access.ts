// The person's consent for outside services to use one connection, and who used it.
import "server-only";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import { listServiceUse, type ServiceUse } from "@/lib/api/service-usage";

export async function serviceAccessOf(userId: string, connectionId: string): Promise<{ allowed: boolean; uses: ServiceUse[] } | null> {
  const [row, uses] = await Promise.all([
    db.account.findFirst({ where: { id: connectionId, userId }, select: { allowServices: true } }),
    listServiceUse(userId),
  ]);
  return row ? { allowed: row.allowServices, uses: uses.get(connectionId) ?? [] } : null;
}

/** False when the connection is not this person's. The API reads the flag on every request, so this applies to the next one. */
export async function setServiceAccess(userId: string, connectionId: string, allow: boolean): Promise<boolean> {
  const { count } = await db.account.updateMany({ where: { id: connectionId, userId }, data: { allowServices: allow } });
  if (count === 0) return false;
  const row = await db.account.findFirst({ where: { id: connectionId, userId }, select: { provider: true } });
  await recordActivity(userId, allow ? "services_allowed" : "services_disallowed", row?.provider);
  return true;
}
