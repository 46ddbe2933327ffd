"use server";
// Thin server actions for /settings/security; the rules live in lib/auth and lib/accounts, the texts in
// messages/*.json (security.results), read in the request's language.
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/user-action";
import { DELETE_WORD, deleteAccount as deleteUserAccount } from "@/lib/accounts/delete-account";
import { removePasskey as removeUserPasskey, renamePasskey as renameUserPasskey } from "@/lib/auth/passkeys";
import { currentSessionToken } from "@/lib/auth/current-session";
import { SESSION_COOKIES } from "@/lib/auth/session-cookie";
import { signOutOtherSessions, signOutSession } from "@/lib/auth/sessions";
import { deleteAccountInput, noInput, passkeyInput, renamePasskeyInput, sessionInput } from "./schemas";

const page = "/settings/security";

/** Asked before the browser's passkey prompt: sends the person to "Confirm it's you" when needed. */
export const prepareAddPasskey = userAction(noInput, async () => ({ success: "ready" }), { recentSignIn: page });

export const renamePasskey = userAction(renamePasskeyInput, async ({ passkeyId, name }, userId) => {
  const [renamed, t] = await Promise.all([renameUserPasskey(userId, passkeyId, name), getTranslations("security.results")]);
  if (!renamed) return { error: t("passkeyNotFound") };
  revalidatePath(page);
  return { success: t("nameSaved") };
});

export const removePasskey = userAction(passkeyInput, async ({ passkeyId }, userId) => {
  const [result, t] = await Promise.all([removeUserPasskey(userId, passkeyId), getTranslations("security.results")]);
  if (!result.ok) return { error: t(result.error === "last-method" ? "passkeyLastMethod" : "passkeyNotFound") };
  revalidatePath(page);
  return { success: t("passkeyRemoved") };
}, { recentSignIn: page });

export const signOutOneSession = userAction(sessionInput, async ({ sessionId }, userId) => {
  const t = await getTranslations("security.results");
  if (!(await signOutSession(userId, sessionId, await currentSessionToken()))) return { error: t("sessionNotFound") };
  revalidatePath(page);
  return { success: t("signedOut") };
}, { recentSignIn: page });

export const signOutOthers = userAction(noInput, async (_input, userId) => {
  const t = await getTranslations("security.results");
  const count = await signOutOtherSessions(userId, await currentSessionToken());
  revalidatePath(page);
  return { success: count === 0 ? t("noOtherSessions") : t("signedOutOthers", { count }) };
}, { recentSignIn: page });

export const deleteAccount = userAction(deleteAccountInput, async ({ confirmation }, userId) => {
  const result = await deleteUserAccount(userId, confirmation);
  if (!result.ok) {
    const t = await getTranslations("security.results");
    if (result.error === "word-mismatch") return { error: t("wordMismatch", { word: DELETE_WORD }) };
    return { error: t(result.error === "email-mismatch" ? "emailMismatch" : "accountNotFound") };
  }
  // The session row went with the user; the cookie goes too, so this browser is plainly signed out.
  const store = await cookies();
  for (const name of SESSION_COOKIES) {
    if (store.has(name)) store.set(name, "", { maxAge: 0, path: "/", httpOnly: true, secure: name.startsWith("__Secure-") });
  }
  const failed = result.failedRevocations.join(",");
  redirect(failed ? `/account-deleted?failed=${encodeURIComponent(failed)}` : "/account-deleted");
}, { recentSignIn: page });
