// Connection ids are global; the rules (consent, token, audit) are per person, so routes find the owner first.
import "server-only";
import { db } from "@/lib/db";

export async function connectionOwner(connectionId: string): Promise<string | null> {
  if (connectionId.length > 200) return null;
  const row = await db.account.findUnique({ where: { id: connectionId }, select: { userId: true } });
  return row?.userId ?? null;
}
