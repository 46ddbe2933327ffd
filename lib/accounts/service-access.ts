// The person's consent for outside services to use each connection, and who used it.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import { CONNECTION_TYPES } from "./connections";

export interface ServiceUse {
  serviceName: string;
  lastUsedAt: Date;
  revoked: boolean;
}

/**
 * Every connection of the person at once, cached for the request: each row's switch asks for its own, and
 * the page still costs the same few statements however many connections there are.
 */
const serviceAccessByConnection = cache(async (userId: string) => {
  const rows = await db.account.findMany({
    where: { userId, ...CONNECTION_TYPES },
    select: {
      id: true,
      allowServices: true,
      serviceUsage: { orderBy: { lastUsedAt: "desc" }, select: { lastUsedAt: true, serviceKey: { select: { name: true, revokedAt: true } } } },
    },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        allowed: row.allowServices,
        uses: row.serviceUsage.map((use): ServiceUse => ({ serviceName: use.serviceKey.name, lastUsedAt: use.lastUsedAt, revoked: use.serviceKey.revokedAt !== null })),
      },
    ]),
  );
});

export async function serviceAccessOf(userId: string, connectionId: string): Promise<{ allowed: boolean; uses: ServiceUse[] } | null> {
  return (await serviceAccessByConnection(userId)).get(connectionId) ?? null;
}

/** False when the connection is not this person's. The API reads the flag on every request, so this applies to the next one. */
export async function setServiceAccess(userId: string, connectionId: string, allow: boolean): Promise<boolean> {
  const { count } = await db.account.updateMany({ where: { id: connectionId, userId }, data: { allowServices: allow } });
  if (count === 0) return false;
  const row = await db.account.findFirst({ where: { id: connectionId, userId }, select: { provider: true } });
  await recordActivity(userId, allow ? "services_allowed" : "services_disallowed", row?.provider);
  return true;
}
