"use server";
// Thin server actions for /settings/security; the rules live in lib/auth and lib/accounts.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/user-action";
import { deleteAccount as deleteUserAccount } from "@/lib/accounts/delete-account";
import { removePasskey as removeUserPasskey, renamePasskey as renameUserPasskey } from "@/lib/auth/passkeys";
import { currentSessionToken } from "@/lib/auth/current-session";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { signOutOtherSessions, signOutSession } from "@/lib/auth/sessions";
import { deleteAccountInput, noInput, passkeyInput, renamePasskeyInput, sessionInput } from "./schemas";

const page = "/settings/security";

/** Asked before the browser's passkey prompt: sends the person to "Confirm it's you" when needed. */
export const prepareAddPasskey = userAction(noInput, async () => ({ success: "ready" }), { recentSignIn: page });

export const renamePasskey = userAction(renamePasskeyInput, async ({ passkeyId, name }, userId) => {
  if (!(await renameUserPasskey(userId, passkeyId, name))) return { error: "That passkey was not found." };
  revalidatePath(page);
  return { success: "Name saved." };
});

export const removePasskey = userAction(passkeyInput, async ({ passkeyId }, userId) => {
  const result = await removeUserPasskey(userId, passkeyId);
  if (!result.ok) {
    return {
      error:
        result.error === "last-method"
          ? "This passkey is your only way to sign in. Connect a provider or add another passkey before removing it."
          : "That passkey was not found.",
    };
  }
  revalidatePath(page);
  return { success: "Passkey removed." };
}, { recentSignIn: page });

export const signOutOneSession = userAction(sessionInput, async ({ sessionId }, userId) => {
  if (!(await signOutSession(userId, sessionId, await currentSessionToken()))) return { error: "That session was not found." };
  revalidatePath(page);
  return { success: "Signed out." };
}, { recentSignIn: page });

export const signOutOthers = userAction(noInput, async (_input, userId) => {
  const count = await signOutOtherSessions(userId, await currentSessionToken());
  revalidatePath(page);
  return { success: count === 0 ? "There were no other sessions." : `Signed out of ${count} other ${count === 1 ? "session" : "sessions"}.` };
}, { recentSignIn: page });

export const deleteAccount = userAction(deleteAccountInput, async ({ email }, userId) => {
  const result = await deleteUserAccount(userId, email);
  if (!result.ok) {
    return { error: result.error === "email-mismatch" ? "That is not your account's email. Nothing was deleted." : "Your account was not found." };
  }
  // The session row went with the user; the cookie goes too, so this browser is plainly signed out.
  const store = await cookies();
  for (const name of SESSION_COOKIES) {
    if (store.has(name)) store.set(name, "", { maxAge: 0, path: "/", httpOnly: true, secure: name.startsWith("__Secure-") });
  }
  const failed = result.failedRevocations.join(",");
  redirect(failed ? `/account-deleted?failed=${encodeURIComponent(failed)}` : "/account-deleted");
}, { recentSignIn: page });
