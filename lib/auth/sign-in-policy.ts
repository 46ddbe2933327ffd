// Decides what an OAuth callback may do, before Auth.js touches users or accounts.
import "server-only";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import { createPendingLink, type PendingAccount } from "@/lib/accounts/pending-links";
import { findProvider } from "@/lib/providers";
import { profileColumns, profileEmail } from "@/lib/providers/profile";
import type { TokenSet } from "@/lib/tokens/columns";
import type { ConnectIntent } from "./flow-cookies";

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
  /** What the signed-in person asked to connect, if anything. */
  connectIntent: ConnectIntent | null;
  account: CallbackAccount;
  profile: Record<string, unknown> | undefined;
}): Promise<SignInDecision> {
  const { sessionUserId, account, profile } = input;
  const provider = findProvider(account.provider);
  if (!provider) return { kind: "redirect", to: "/sign-in?error=AccessDenied" };
  const owner = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    select: { userId: true, signInEnabled: true },
  });

  if (sessionUserId) {
    const intent = input.connectIntent;
    // Linking while signed in happens only when this person asked for it (no silent linking).
    if (intent?.provider !== account.provider) {
      return { kind: "redirect", to: `/settings/accounts?error=not-requested&provider=${account.provider}` };
    }
    if (owner && owner.userId !== sessionUserId) {
      await recordActivity(sessionUserId, "connect_refused", account.provider, { key: "linkedToOtherUser", values: {} });
      return { kind: "redirect", to: `/settings/accounts?error=owned-by-other&provider=${account.provider}` };
    }
    // Grant more access and Reconnect act on one connection: another identity at the provider changes nothing
    // (no new row, no tokens moved), and the person learns which account they signed in as.
    if (intent.connectionId) {
      const target = await db.account.findFirst({
        where: { id: intent.connectionId, userId: sessionUserId },
        select: { provider: true, providerAccountId: true },
      });
      if (!target) return { kind: "redirect", to: `/settings/accounts?error=not-found&provider=${account.provider}` };
      if (target.provider !== account.provider || target.providerAccountId !== account.providerAccountId) {
        const { username, email } = profileColumns(profile);
        const as = (username ?? email ?? account.providerAccountId).slice(0, 100);
        await recordActivity(sessionUserId, "connect_refused", account.provider, { key: "differentAccount", values: { who: as } });
        const query = new URLSearchParams({ error: "different-identity", provider: account.provider, as });
        return { kind: "redirect", to: `/settings/accounts?${query}` };
      }
    }
    return { kind: "allow" };
  }

  // Signed out: this is a sign-in. Connect-only providers and connections with "Use to sign in" off never sign in.
  if (provider.connectOnly) return { kind: "redirect", to: "/sign-in?error=ConnectOnly" };
  if (owner) return owner.signInEnabled ? { kind: "allow" } : { kind: "redirect", to: "/sign-in?error=SignInDisabled" };
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
