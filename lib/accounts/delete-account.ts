// Deleting an account: revoke every connection at its provider first, then remove the user and everything
// of theirs in one transaction. Only an "account_deleted" event without personal data stays, for the operator.
import "server-only";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import { revokeTokens } from "@/lib/providers/revoke";
import { readSecret } from "@/lib/tokens/columns";
import { rateLimitKey, rateLimits, type RateLimitRule } from "@/lib/rate-limit";

export type DeleteAccountResult =
  | { ok: true; failedRevocations: string[] }
  | { ok: false; error: "email-mismatch" | "word-mismatch" | "not-found" };

/** Typed to confirm by a person whose account has no email (X gives none, for one). */
export const DELETE_WORD = "DELETE";

/** What the person must type: their email, or DELETE_WORD without one. Case and surrounding spaces do not count. */
export function deletionConfirmation(email: string | null | undefined): { kind: "email" | "word"; text: string } {
  const trimmed = email?.trim();
  return trimmed ? { kind: "email", text: trimmed } : { kind: "word", text: DELETE_WORD };
}

export async function deleteAccount(userId: string, typed: string): Promise<DeleteAccountResult> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return { ok: false, error: "not-found" };
  const expected = deletionConfirmation(user.email);
  if (expected.text.toLowerCase() !== typed.trim().toLowerCase()) return { ok: false, error: `${expected.kind}-mismatch` };

  const accounts = await db.account.findMany({
    where: { userId, type: { in: ["oauth", "oidc"] } },
    select: { provider: true, access_token: true, refresh_token: true },
  });
  // One provider at a time keeps failures attributable; each has its own 5 s timeout.
  const failedRevocations: string[] = [];
  let revoked = 0;
  for (const account of accounts) {
    const provider = findProvider(account.provider);
    if (!provider) continue;
    const result = await revokeTokens(provider, {
      accessToken: readSecret(account.access_token, "access_token")?.value ?? null,
      refreshToken: readSecret(account.refresh_token, "refresh_token")?.value ?? null,
    });
    if (result.status === "failed") failedRevocations.push(account.provider);
    if (result.status === "revoked") revoked++;
  }

  const userKeys = (Object.keys(rateLimits) as RateLimitRule[])
    .filter((rule) => rateLimits[rule].per === "user")
    .map((rule) => rateLimitKey(rule, userId));
  await db.$transaction([
    db.rateLimit.deleteMany({ where: { key: { in: userKeys } } }),
    // Cascades to accounts, sessions, passkeys, pending links and activity.
    db.user.delete({ where: { id: userId } }),
    db.activityEvent.create({
      data: {
        userId: null,
        type: "account_deleted",
        detail: `${accounts.length} connections, ${revoked} revoked, failed: ${failedRevocations.join(", ") || "none"}`,
      },
    }),
  ]);
  return { ok: true, failedRevocations };
}
