// A person's passkeys. Auth.js stores each as an Authenticator plus an Account of type "webauthn" (provider
// "passkey"); removing one removes both, and never the last way to sign in.
import "server-only";
import { db } from "@/lib/db";
import { countSignInMethods } from "@/lib/accounts/sign-in-methods";

export const PASSKEY_PROVIDER = "passkey";

export interface PasskeyItem {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function listPasskeys(userId: string): Promise<PasskeyItem[]> {
  const rows = await db.authenticator.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { credentialID: true, name: true, createdAt: true, lastUsedAt: true },
  });
  return rows.map((row) => ({ id: row.credentialID, name: row.name ?? "Passkey", createdAt: row.createdAt, lastUsedAt: row.lastUsedAt }));
}

export async function renamePasskey(userId: string, credentialID: string, name: string) {
  const { count } = await db.authenticator.updateMany({ where: { userId, credentialID }, data: { name } });
  return count === 1;
}

export type RemovePasskeyResult = { ok: true } | { ok: false; error: "not-found" | "last-method" };

export async function removePasskey(userId: string, credentialID: string): Promise<RemovePasskeyResult> {
  return db.$transaction(async (tx) => {
    // Same lock as disconnecting: two removals at once cannot take away the last two methods together.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const passkey = await tx.authenticator.findFirst({ where: { userId, credentialID }, select: { name: true } });
    if (!passkey) return { ok: false, error: "not-found" } as const;
    // The one count the last-method guard uses everywhere: connections that can sign in, and passkeys.
    if ((await countSignInMethods(tx, userId)) <= 1) return { ok: false, error: "last-method" } as const;
    await tx.authenticator.deleteMany({ where: { userId, credentialID } });
    await tx.account.deleteMany({ where: { userId, provider: PASSKEY_PROVIDER, providerAccountId: credentialID } });
    await tx.activityEvent.create({ data: { userId, type: "passkey_removed", detail: passkey.name } });
    return { ok: true } as const;
  });
}
