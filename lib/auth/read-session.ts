// The session of the current request, read the way Auth.js reads a database session but without running
// Auth.js's whole request handler for it (a synthetic Request, cookie parsing and re-serialising, a JSON
// Response parsed back — about as much CPU as the query itself; docs/performance.md). One statement per
// request at most (requests reading at the same moment share one: lib/database/batched-reads.ts), no cache:
// a deleted session row is refused on the very next request. Auth.js's once-a-day expiry extension is not done
// (it cannot re-issue the cookie from a server component); the only write is the throttled lastActiveAt in
// getSessionAndUser.
import "server-only";
import type { Session } from "next-auth";
import { cookies, headers } from "next/headers";
import { env } from "@/lib/env";
import { getSessionAndUser } from "./adapter";

export async function readSession(): Promise<Session | null> {
  const [store, request] = await Promise.all([cookies(), headers()]);
  const token = store.get(sessionCookieName(request.get("x-forwarded-proto")))?.value;
  return token ? findSession(token) : null;
}

/** The session for a session-cookie value, or null when there is none or it has expired. */
export async function findSession(sessionToken: string, now = Date.now()): Promise<Session | null> {
  let found: Awaited<ReturnType<typeof getSessionAndUser>>;
  try {
    found = await getSessionAndUser(sessionToken);
  } catch (error) {
    // As Auth.js does: a failed read is "no session"; requireUser() then tells an outage from a sign-out.
    console.error(`[auth] session read failed: ${error instanceof Error ? error.name : "unknown error"}`);
    return null;
  }
  if (!found || found.session.expires.getTime() <= now) return null;
  const { user, session } = found;
  return { expires: session.expires.toISOString(), user: { id: user.id, name: user.name, email: user.email, image: user.image } };
}

/** The cookie Auth.js sets: `__Secure-` prefixed when the app's URL (AUTH_URL, else the request) is https. */
export function sessionCookieName(forwardedProto: string | null): string {
  const protocol = env.AUTH_URL ? new URL(env.AUTH_URL).protocol : `${(forwardedProto ?? "https").replace(/:$/, "")}:`;
  return protocol === "https:" ? "__Secure-authjs.session-token" : "authjs.session-token";
}
