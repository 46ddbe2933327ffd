// A person's settings for one connection: its label and its "Use to sign in" switch.
import "server-only";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import { canSignInWith, countSignInMethods } from "./sign-in-methods";

export const LABEL_MAX_LENGTH = 40;

export type SettingResult = { ok: true } | { ok: false; error: "not-found" | "last-method" | "cannot-sign-in" };

/** Sets (or, with an empty label, removes) the person's name for a connection. */
export async function renameConnection(userId: string, connectionId: string, label: string): Promise<SettingResult> {
  const trimmed = label.trim().slice(0, LABEL_MAX_LENGTH);
  const { count } = await db.account.updateMany({ where: { id: connectionId, userId }, data: { label: trimmed || null } });
  return count === 1 ? { ok: true } : { ok: false, error: "not-found" };
}

/**
 * Turns "Use to sign in" on or off. Turning off the user's last way to sign in is refused. The user row is locked so
 * two requests at once (a toggle and a disconnect) cannot remove the last two ways together.
 */
export async function setSignInEnabled(userId: string, connectionId: string, enabled: boolean): Promise<SettingResult> {
  return db.$transaction(async (tx): Promise<SettingResult> => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const connection = await tx.account.findFirst({ where: { id: connectionId, userId }, select: { provider: true, signInEnabled: true } });
    if (!connection) return { ok: false, error: "not-found" };
    const provider = findProvider(connection.provider);
    if (!provider || provider.connectOnly) return { ok: false, error: "cannot-sign-in" };
    if (!enabled && canSignInWith(connection) && (await countSignInMethods(tx, userId)) <= 1) {
      return { ok: false, error: "last-method" };
    }
    await tx.account.update({ where: { id: connectionId }, data: { signInEnabled: enabled } });
    return { ok: true };
  });
}
