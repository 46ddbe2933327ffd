// After Auth.js has signed someone in or linked an account: store the newest tokens and profile, and
// record what happened. Every successful sign-in or connect refreshes the stored account.
import "server-only";
import type { Account, Profile, User } from "next-auth";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import { profileColumns } from "@/lib/providers/profile";
import { tokenColumns } from "@/lib/tokens/columns";
import { clearConnectIntent, readConnectIntent, setSignedInWith, settlePendingLinkAfterSignIn } from "./flow-cookies";

export async function onSignIn({ user, account, profile, isNewUser }: {
  user: User;
  account?: Account | null;
  profile?: Profile;
  isNewUser?: boolean;
}) {
  if (!account || !user.id) return;
  await settlePendingLinkAfterSignIn();
  const where = { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } };
  const row = await db.account.findUnique({ where, select: { id: true, version: true } });
  if (!row) return;
  const connecting = (await readConnectIntent(user.id))?.provider === account.provider;
  await clearConnectIntent();
  await db.account.update({
    where: { id: row.id },
    data: {
      ...tokenColumns(account),
      ...profileColumns(profile),
      status: "active",
      lastError: null,
      lastErrorAt: null,
      // The adapter creates accounts at version 0 and this is their first write: 0 means "linked just now".
      version: { increment: 1 },
    },
  });
  if (isNewUser) await recordActivity(user.id, "new_user", account.provider);
  if (connecting) {
    await recordActivity(user.id, row.version === 0 ? "account_connected" : "account_updated", account.provider);
  } else {
    await setSignedInWith(account.provider);
    await recordActivity(user.id, "signed_in", account.provider);
  }
}
