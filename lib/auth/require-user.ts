import "server-only";
import { redirect } from "next/navigation";
import { auth } from "@/auth";

/** For pages: the signed-in user, or off to sign in and back. */
export async function requireUser(returnTo: string) {
  const user = (await auth())?.user;
  if (!user?.id) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return { ...user, id: user.id };
}
