// Short-lived, HttpOnly cookies that carry a person's intent across the OAuth round trip.
import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";

const secure = env.NODE_ENV === "production" && !env.AUTH_URL?.startsWith("http://");
const TEN_MINUTES = 600;

const names = {
  /** "<provider>:<userId>": the signed-in person clicked Connect (or Grant more access) for this provider. */
  connect: secure ? "__Host-connect-intent" : "connect-intent",
  /** The id of a PendingLink waiting for the person to prove they own the existing account. */
  pending: secure ? "__Host-pending-link" : "pending-link",
  /** The provider this browser signed in with, so sign-out can end that provider's session too. */
  signedInWith: secure ? "__Host-signed-in-with" : "signed-in-with",
};

async function set(name: string, value: string, maxAge = TEN_MINUTES) {
  (await cookies()).set(name, value, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge });
}

export async function setConnectIntent(provider: string, userId: string) {
  await set(names.connect, `${provider}:${userId}`);
}

/** The provider this user asked to connect, if the intent belongs to them. */
export async function readConnectIntent(userId: string): Promise<string | null> {
  const value = (await cookies()).get(names.connect)?.value;
  if (!value) return null;
  const [provider, owner] = value.split(":");
  return owner === userId && provider ? provider : null;
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
  (await cookies()).delete(names.pending);
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
