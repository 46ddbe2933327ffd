// Disconnecting: never the last way to sign in, only the person's own accounts, revoked at the provider first.
import "server-only";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import { findProvider } from "@/lib/providers";
import { revokeTokens, type RevocationResult } from "@/lib/providers/revoke";
import { readSecret } from "@/lib/tokens/columns";
import { CONNECTION_TYPES } from "./connections";
import { canSignInWith, countSignInMethods } from "./sign-in-methods";

export type DisconnectResult =
  | { ok: true; provider: string; revocation: RevocationResult }
  | { ok: false; error: "not-found" | "last-method" };

/** null when a token cannot be decrypted: nothing can be revoked, but the row can still go. */
function readableTokens(account: { access_token: string | null; refresh_token: string | null }) {
  try {
    return {
      accessToken: readSecret(account.access_token, "access_token")?.value ?? null,
      refreshToken: readSecret(account.refresh_token, "refresh_token")?.value ?? null,
    };
  } catch {
    return null;
  }
}

/**
 * Disconnects one connection (an Account row) of this user; another user's id is "not found". Only a connection
 * that can sign in is guarded: removing a connect-only or unavailable one never takes away a way in.
 */
export async function disconnectAccount(userId: string, accountId: string): Promise<DisconnectResult> {
  const account = await db.account.findFirst({ where: { id: accountId, userId, ...CONNECTION_TYPES } });
  if (!account) return { ok: false, error: "not-found" };
  const guarded = canSignInWith(account);
  if (guarded && (await countSignInMethods(db, userId)) <= 1) return { ok: false, error: "last-method" };

  const provider = findProvider(account.provider);
  const tokens = readableTokens(account);
  const revocation: RevocationResult = !provider
    ? { status: "unsupported" }
    : tokens
      ? await revokeTokens(provider, tokens)
      : { status: "impossible", error: "the stored tokens cannot be decrypted (their key is not configured)" };
  if (revocation.status === "failed" || revocation.status === "impossible") {
    await recordActivity(userId, revocation.status === "failed" ? "revocation_failed" : "revocation_impossible", account.provider, revocation.error);
  }

  // Lock the user row so two disconnects at once cannot remove the last two methods together.
  const deleted = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    if (guarded && (await countSignInMethods(tx, userId)) <= 1) return false;
    return (await tx.account.deleteMany({ where: { id: accountId, userId } })).count === 1;
  });
  if (!deleted) {
    // Lost a race with another disconnect: the row stays, but its tokens may be dead now.
    if (revocation.status === "revoked") await db.account.updateMany({ where: { id: accountId }, data: { status: "revoked" } });
    return { ok: false, error: "last-method" };
  }
  await recordActivity(userId, "account_disconnected", account.provider);
  return { ok: true, provider: account.provider, revocation };
}
