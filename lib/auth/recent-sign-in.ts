// Recent sign-in: connecting, disconnecting, passkey changes, signing out other sessions and deleting the
// account need a sign-in (or "Confirm it's you") within AUTH_RECENT_SIGN_IN_MINUTES on this session.
import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import { env } from "@/lib/env";
import { setFlash } from "@/lib/flash";
import { safeRedirect } from "./safe-redirect";
import { currentSessionToken, findSession } from "./current-session";

const secure = env.NODE_ENV === "production" && !env.AUTH_URL?.startsWith("http://");
/** "<userId> <returnTo>": this signed-in person started "Confirm it's you" (lets an OAuth sign-in through while signed in). */
const CONFIRM_COOKIE = secure ? "__Host-confirm-intent" : "confirm-intent";

export function isRecent(authenticatedAt: Date, now = new Date(), minutes = env.AUTH_RECENT_SIGN_IN_MINUTES) {
  return now.getTime() - authenticatedAt.getTime() <= minutes * 60_000;
}

export async function sessionHasRecentSignIn(sessionToken: string | null, userId: string, now = new Date()) {
  const session = await findSession(sessionToken, userId);
  return session !== null && isRecent(session.authenticatedAt, now);
}

/** For this request's session (by its cookie). */
export async function hasRecentSignIn(userId: string) {
  return sessionHasRecentSignIn(await currentSessionToken(), userId);
}

/** Where to send someone who must confirm first; they come back to `returnTo` to finish. */
export function confirmUrl(returnTo: string) {
  return `/settings/confirm?returnTo=${encodeURIComponent(safeRedirect(returnTo))}`;
}

export async function setConfirmIntent(userId: string, returnTo: string) {
  (await cookies()).set(CONFIRM_COOKIE, `${userId} ${safeRedirect(returnTo)}`, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 600 });
}

/** The page to return to, if this signed-in person started "Confirm it's you" in this browser. */
export async function readConfirmIntent(userId: string) {
  const [owner, returnTo] = ((await cookies()).get(CONFIRM_COOKIE)?.value ?? "").split(" ");
  return owner === userId ? { returnTo: safeRedirect(returnTo) } : null;
}

/**
 * The OAuth gate while signed in with a confirm intent: only one of the person's own accounts proves it is
 * them. Another user's account (or an unknown one) is refused before Auth.js touches anything.
 */
export async function decideConfirmSignIn(
  sessionUserId: string,
  account: { provider: string; providerAccountId: string },
  returnTo: string,
) {
  const owner = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    select: { userId: true },
  });
  if (owner?.userId === sessionUserId) return true;
  return `${confirmUrl(returnTo)}&error=not-you`;
}

/**
 * After Auth.js signed someone in: if they started "Confirm it's you" and this browser's session is theirs,
 * they have just proved it is them again — mark the session, record it, and say so once on the page they return
 * to (a flash, never a query string). (A fresh session starts authenticated anyway; a connect round trip proves
 * nothing about the existing methods.)
 */
export async function markReauthenticated(userId: string, connecting: boolean) {
  const store = await cookies();
  if (!(await readConfirmIntent(userId)) || connecting) return;
  store.delete(CONFIRM_COOKIE);
  const sessionToken = await currentSessionToken();
  if (!sessionToken) return;
  const { count } = await db.session.updateMany({ where: { sessionToken, userId }, data: { authenticatedAt: new Date() } });
  if (count !== 1) return;
  await recordActivity(userId, "recent_sign_in_confirmed");
  await setFlash({ key: "confirmed", tone: "success" });
}
