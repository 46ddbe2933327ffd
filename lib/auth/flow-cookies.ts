// Short-lived, HttpOnly cookies that carry a person's intent across the OAuth round trip.
import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";

const secure = env.NODE_ENV === "production" && !env.AUTH_URL?.startsWith("http://");
const TEN_MINUTES = 600;

const names = {
  /**
   * "<provider>:<userId>:<connectionId>:<notice>": the signed-in person clicked Connect for this provider (no connection
   * id) or Grant more access / Reconnect on one connection (its id); notice says which message success shows.
   */
  connect: secure ? "__Host-connect-intent" : "connect-intent",
  /** The id of a PendingLink waiting for the person to prove they own the existing account. */
  pending: secure ? "__Host-pending-link" : "pending-link",
  /** Set by the sign-in buttons of the pending-link page: the next sign-in is the confirmation, so keep the link. */
  confirming: secure ? "__Host-pending-link-confirming" : "pending-link-confirming",
  /** The provider this browser signed in with, so sign-out can end that provider's session too. */
  signedInWith: secure ? "__Host-signed-in-with" : "signed-in-with",
};

async function set(name: string, value: string, maxAge = TEN_MINUTES) {
  (await cookies()).set(name, value, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge });
}

export interface ConnectIntent {
  provider: string;
  /** The connection this flow acts on (Grant more access, Reconnect); null adds a new connection. */
  connectionId: string | null;
  /** The flash notice a successful round trip shows ("connected" or "access-updated"). */
  notice?: "connected" | "access-updated";
}

export async function setConnectIntent(
  provider: string, userId: string, connectionId: string | null = null, notice: ConnectIntent["notice"] = "connected",
) {
  await set(names.connect, `${provider}:${userId}:${connectionId ?? ""}:${notice}`);
}

/** What this user asked to connect, if the intent belongs to them. */
export async function readConnectIntent(userId: string): Promise<ConnectIntent | null> {
  const value = (await cookies()).get(names.connect)?.value;
  if (!value) return null;
  const [provider, owner, connectionId, notice] = value.split(":");
  return owner === userId && provider
    ? { provider, connectionId: connectionId || null, notice: notice === "access-updated" ? notice : "connected" }
    : null;
}

export async function clearConnectIntent() {
  (await cookies()).delete(names.connect);
}

export async function setPendingLinkCookie(id: string) {
  await set(names.pending, id);
}

export async function readPendingLinkCookie(): Promise<string | null> {
  return (await cookies()).get(names.pending)?.value ?? null;
}

export async function clearPendingLinkCookie() {
  const store = await cookies();
  store.delete(names.pending);
  store.delete(names.confirming);
}

/** The pending-link page's sign-in buttons: the sign-in that follows confirms this pending link. */
export async function markPendingLinkConfirmation() {
  const id = await readPendingLinkCookie();
  if (id) await set(names.confirming, id);
}

/**
 * After a successful sign-in: a pending link survives only the sign-in its own page started. Any other sign-in
 * (or a connect) drops it, so a stale pending link can never be completed by whoever signs in next in this browser.
 */
export async function settlePendingLinkAfterSignIn() {
  const store = await cookies();
  const pending = store.get(names.pending)?.value;
  const confirming = store.get(names.confirming)?.value;
  store.delete(names.confirming);
  if (pending && pending !== confirming) store.delete(names.pending);
}

export async function setSignedInWith(provider: string) {
  await set(names.signedInWith, provider, 30 * 24 * 60 * 60);
}

/** Read and forget: used once, at sign-out. */
export async function takeSignedInWith(): Promise<string | null> {
  const store = await cookies();
  const value = store.get(names.signedInWith)?.value ?? null;
  store.delete(names.signedInWith);
  return value;
}
