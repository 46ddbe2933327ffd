// Decides what an OAuth callback may do, before Auth.js touches users or accounts.
import "server-only";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import { createPendingLink, type PendingAccount } from "@/lib/accounts/pending-links";
import { findProvider } from "@/lib/providers";
import { profileColumns, profileEmail } from "@/lib/providers/profile";
import type { TokenSet } from "@/lib/tokens/columns";

export interface CallbackAccount extends TokenSet {
  type: string;
  provider: string;
  providerAccountId: string;
}

export type SignInDecision =
  | { kind: "allow" }
  | { kind: "redirect"; to: string }
  | { kind: "pending"; id: string; to: string };

export async function decideSignIn(input: {
  sessionUserId: string | null;
  /** The provider the signed-in person asked to connect, if any. */
  connectIntent: string | null;
  account: CallbackAccount;
  profile: Record<string, unknown> | undefined;
}): Promise<SignInDecision> {
  const { sessionUserId, account, profile } = input;
  const provider = findProvider(account.provider);
  if (!provider) return { kind: "redirect", to: "/sign-in?error=AccessDenied" };
  const owner = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    select: { userId: true },
  });

  if (sessionUserId) {
    // Linking while signed in happens only when this person asked for it (no silent linking).
    if (input.connectIntent !== account.provider) {
      return { kind: "redirect", to: `/settings/accounts?error=not-requested&provider=${account.provider}` };
    }
    if (owner && owner.userId !== sessionUserId) {
      await recordActivity(sessionUserId, "connect_refused", account.provider, "Linked to a different user");
      return { kind: "redirect", to: `/settings/accounts?error=owned-by-other&provider=${account.provider}` };
    }
    return { kind: "allow" };
  }

  if (owner) return { kind: "allow" };
  const email = profileEmail(profile);
  // Exact, case-insensitive comparison: Prisma's `mode: "insensitive"` becomes ILIKE, where _ and % are wildcards.
  const [existingUser] = email
    ? await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE lower("email") = lower(${email}) LIMIT 1`
    : [];
  if (!existingUser || !email) return { kind: "allow" };
  // An unverified email proves nothing about who owns the existing user: never offer to link with it.
  if (!provider.emailIsVerified(profile ?? {})) return { kind: "redirect", to: "/sign-in?error=EmailInUse" };
  const pending: PendingAccount = { ...account, profile: profileColumns(profile) };
  const id = await createPendingLink(existingUser.id, email, pending);
  return { kind: "pending", id, to: "/sign-in/link" };
}
