// The person's consent for outside services to use each connection. Who used it is read with the connections
// (listConnections in ./connections.ts), in the settings page's one accounts statement.
import "server-only";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";

export interface ServiceUse {
  serviceName: string;
  lastUsedAt: Date;
  revoked: boolean;
}

/** False when the connection is not this person's. The API reads the flag on every request, so this applies to the next one. */
export async function setServiceAccess(userId: string, connectionId: string, allow: boolean): Promise<boolean> {
  const { count } = await db.account.updateMany({ where: { id: connectionId, userId }, data: { allowServices: allow } });
  if (count === 0) return false;
  const row = await db.account.findFirst({ where: { id: connectionId, userId }, select: { provider: true } });
  await recordActivity(userId, allow ? "services_allowed" : "services_disallowed", row?.provider);
  return true;
}
