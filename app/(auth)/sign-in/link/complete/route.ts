// Where the confirming sign-in lands: links the pending account if the person proved they own the user.
import { NextResponse } from "next/server";
import { auth } from "@/auth";
import { completePendingLink } from "@/lib/accounts/pending-links";
import { clearPendingLinkCookie, readPendingLinkCookie } from "@/lib/auth/flow-cookies";

export async function GET(request: Request) {
  const to = (path: string) => NextResponse.redirect(new URL(path, request.url), 303);
  const userId = (await auth())?.user?.id;
  if (!userId) return to("/sign-in");
  const id = await readPendingLinkCookie();
  await clearPendingLinkCookie();
  if (!id) return to("/settings/accounts?error=link-expired");
  const result = await completePendingLink(id, userId);
  if (result.ok) return to(`/settings/accounts?notice=linked&provider=${result.provider}`);
  if (result.reason === "taken") return to("/settings/accounts?error=owned-by-other");
  return to(`/settings/accounts?error=${result.reason === "wrong-user" ? "link-wrong-user" : "link-expired"}`);
}
