import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { SESSION_COOKIES } from "./session-cookie";

/** For pages: the signed-in user, or off to sign in and back. */
export async function requireUser(returnTo: string) {
  const user = (await auth())?.user;
  if (user?.id) return user;
  // Auth.js reports "no session" when it cannot reach the database. With a session cookie present, check:
  // if the database is away this throws and the person sees the error page, not a misleading sign-in form.
  const store = await cookies();
  if (SESSION_COOKIES.some((name) => store.has(name))) await db.$queryRaw`SELECT 1`;
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
}
