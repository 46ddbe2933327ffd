// A provider account whose verified email matches an existing user, held server-side (encrypted,
// single use, ten minutes) until the person signs in with a method that user already has
// (Google Identity Platform's needConfirmation + pendingToken).
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import { decrypt, encrypt } from "@/lib/tokens/crypto";
import { tokenColumns, type TokenSet } from "@/lib/tokens/columns";
import { findProvider } from "@/lib/providers";
import { profileColumns } from "@/lib/providers/profile";
import { revokeTokens } from "@/lib/providers/revoke";
import { canSignInWith } from "./sign-in-methods";

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

/** What the confirmation page shows: never the credential itself. Only ways the user can really sign in are offered. */
export async function findPendingLink(id: string) {
  const pending = await db.pendingLink.findUnique({
    where: { id },
    select: {
      userId: true, provider: true, email: true, expiresAt: true,
      user: { select: { accounts: { select: { provider: true, signInEnabled: true } } } },
    },
  });
  if (!pending || pending.expiresAt < new Date()) return null;
  const existingProviders = [...new Set(pending.user.accounts.filter(canSignInWith).map((a) => a.provider))];
  return { userId: pending.userId, provider: pending.provider, email: pending.email, existingProviders };
}

/**
 * "Cancel" on the confirmation page: the pending link is deleted and its tokens revoked at the provider, so the
 * grant the person just made does not outlive their decision. Only the user it was parked for may cancel it.
 */
export async function cancelPendingLink(id: string, userId: string): Promise<boolean> {
  const [pending] = await db.$queryRaw<{ payload: string }[]>`
    DELETE FROM "PendingLink" WHERE "id" = ${id} AND "userId" = ${userId} RETURNING "payload"`;
  if (!pending) return false;
  const account = JSON.parse(decrypt(pending.payload, "pending_link").value) as PendingAccount;
  const provider = findProvider(account.provider);
  if (provider) {
    const result = await revokeTokens(provider, { accessToken: account.access_token ?? null, refreshToken: account.refresh_token ?? null });
    if (result.status === "failed") await recordActivity(userId, "revocation_failed", account.provider, result.error);
  }
  return true;
}

export type CompleteResult = { ok: true; provider: string } | { ok: false; reason: "missing" | "expired" | "wrong-user" | "taken" };

/**
 * Links the pending account to `userId` if it was created for them. Single use: the row is gone either way.
 * One transaction, so an interrupted completion leaves the pending link in place rather than half-done.
 */
export async function completePendingLink(id: string, userId: string): Promise<CompleteResult> {
  const result = await db
    .$transaction(async (tx) => {
      // DELETE ... RETURNING: of two racing completions, only one gets the row.
      const [pending] = await tx.$queryRaw<{ userId: string; payload: string; expiresAt: Date }[]>`
        DELETE FROM "PendingLink" WHERE "id" = ${id} RETURNING "userId", "payload", "expiresAt"`;
      if (!pending) return { ok: false, reason: "missing" } as const;
      if (pending.expiresAt < new Date()) return { ok: false, reason: "expired" } as const;
      if (pending.userId !== userId) return { ok: false, reason: "wrong-user" } as const;
      const account = JSON.parse(decrypt(pending.payload, "pending_link").value) as PendingAccount;
      const taken = await tx.account.findUnique({
        where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
        select: { id: true },
      });
      if (taken) return { ok: false, reason: "taken" } as const;
      await tx.account.create({
        data: {
          userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          ...account.profile,
          ...tokenColumns(account),
          version: 1,
        },
      });
      return { ok: true, provider: account.provider } as const;
    })
    // Linked by someone else between the check and the insert: the unique constraint decides. The
    // transaction rolled back, so the pending link is deleted in a separate step (single use).
    .catch(async (error: { code?: string }) => {
      if (error.code !== "P2002") throw error;
      await db.pendingLink.deleteMany({ where: { id } });
      return { ok: false, reason: "taken" } as const;
    });
  if (result.ok) await recordActivity(userId, "pending_link_completed", result.provider);
  return result;
}
