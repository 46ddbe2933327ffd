// A stored token that no configured key can decrypt (its key was removed, or AUTH_SECRET changed while
// tokens were derived from it) is as good as gone: the connection needs a reconnect, not a 500.
import "server-only";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import { FAILURES } from "@/lib/providers/failure";

export async function markUndecryptable(row: { id: string; userId: string; version: number }, provider: { id: string }) {
  const { count } = await db.account.updateMany({
    where: { id: row.id, version: row.version, status: "active" },
    data: { status: "needs_reconnect", lastError: FAILURES.undecryptable, lastErrorAt: new Date() },
  });
  if (count === 1) await recordActivity(row.userId, "needs_reconnect", provider.id, { key: "undecryptable", values: {} });
}
