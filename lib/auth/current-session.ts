// The session this request belongs to, read by its cookie. Only sensitive actions and the security page
// call this; ordinary renders stay on the one session query in lib/auth/adapter.ts.
import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { SESSION_COOKIES } from "./session-cookie";

export async function currentSessionToken(): Promise<string | null> {
  const store = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = store.get(name)?.value;
    if (value) return value;
  }
  return null;
}

/** The session with this token if it belongs to `userId`; never returns the token itself. */
export async function findSession(sessionToken: string | null, userId: string) {
  if (!sessionToken) return null;
  return db.session.findFirst({
    where: { sessionToken, userId, expires: { gt: new Date() } },
    select: { id: true, authenticatedAt: true },
  });
}
