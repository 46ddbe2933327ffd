// A provider account whose verified email matches an existing user, held server-side (encrypted,
// single use, ten minutes) until the person signs in with a method that user already has
// (Google Identity Platform's needConfirmation + pendingToken).
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import { decrypt, encrypt } from "@/lib/tokens/crypto";
import { tokenColumns, type TokenSet } from "@/lib/tokens/columns";
import { profileColumns } from "@/lib/providers/profile";

export const PENDING_LINK_TTL_MS = 10 * 60 * 1000;

export interface PendingAccount extends TokenSet {
  type: string;
  provider: string;
  providerAccountId: string;
  profile: ReturnType<typeof profileColumns>;
}

export async function createPendingLink(userId: string, email: string, account: PendingAccount): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.pendingLink.create({
    data: {
      id,
      userId,
      email,
      provider: account.provider,
      providerAccountId: account.providerAccountId,
      payload: encrypt(JSON.stringify(account), "pending_link"),
      expiresAt: new Date(Date.now() + PENDING_LINK_TTL_MS),
    },
  });
  await recordActivity(userId, "pending_link_created", account.provider);
  return id;
}

/** What the confirmation page shows: never the credential itself. */
export async function findPendingLink(id: string) {
  const pending = await db.pendingLink.findUnique({
    where: { id },
    select: { provider: true, email: true, expiresAt: true, user: { select: { accounts: { select: { provider: true } } } } },
  });
  if (!pending || pending.expiresAt < new Date()) return null;
  return { provider: pending.provider, email: pending.email, existingProviders: pending.user.accounts.map((a) => a.provider) };
}

export type CompleteResult = { ok: true; provider: string } | { ok: false; reason: "missing" | "expired" | "wrong-user" | "taken" };

/** Links the pending account to `userId` if it was created for them. Single use: the row is gone either way. */
export async function completePendingLink(id: string, userId: string): Promise<CompleteResult> {
  // deleteMany returns a count, so two racing completions cannot both get the row.
  const pending = await db.pendingLink.findUnique({ where: { id } });
  if (!pending) return { ok: false, reason: "missing" };
  const { count } = await db.pendingLink.deleteMany({ where: { id } });
  if (count === 0) return { ok: false, reason: "missing" };
  if (pending.expiresAt < new Date()) return { ok: false, reason: "expired" };
  if (pending.userId !== userId) return { ok: false, reason: "wrong-user" };
  const account = JSON.parse(decrypt(pending.payload, "pending_link").value) as PendingAccount;
  const taken = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
  });
  if (taken) return { ok: false, reason: "taken" };
  const created = await db.account.create({
    data: {
      userId,
      type: account.type,
      provider: account.provider,
      providerAccountId: account.providerAccountId,
      ...account.profile,
      ...tokenColumns(account),
      version: 1,
    },
  }).then(
    () => true,
    // Linked by someone else between the check above and this insert: the unique constraint decides.
    (error: { code?: string }) => (error.code === "P2002" ? false : Promise.reject(error)),
  );
  if (!created) return { ok: false, reason: "taken" };
  await recordActivity(userId, "pending_link_completed", account.provider);
  return { ok: true, provider: account.provider };
}
