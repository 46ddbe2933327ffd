// The confirmation page's "Link" and "Cancel" post here. A POST only, from our own origin, carrying the pending
// link's id that only our page (and the HttpOnly cookie) knows: a page on another site can neither complete nor
// cancel a pending link, and a GET changes nothing.
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { auth } from "@/auth";
import { cancelPendingLink, completePendingLink } from "@/lib/accounts/pending-links";
import { clearPendingLinkCookie, readPendingLinkCookie } from "@/lib/auth/flow-cookies";
import { isSameOriginFormPost } from "@/lib/auth/same-origin";
import { flashAccountsNotice } from "@/app/settings/accounts/notices";

const see = (request: Request, path: string) => NextResponse.redirect(new URL(path, request.url), 303);

export async function GET(request: Request) {
  return see(request, "/sign-in/link");
}

export async function POST(request: Request) {
  if (!isSameOriginFormPost(request)) {
    const t = await getTranslations("pendingLink");
    return new NextResponse(t("crossSite"), { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const userId = (await auth())?.user?.id;
  if (!userId) return see(request, "/sign-in/link");
  const form = await request.formData().catch(() => null);
  const decision = form?.get("decision");
  const id = await readPendingLinkCookie();
  if (decision !== "link" && decision !== "cancel") return see(request, "/sign-in/link");
  // The form repeats the cookie's id: a request without both is not from our confirmation page.
  if (!id || form?.get("pendingId") !== id) {
    await clearPendingLinkCookie();
    return see(request, await flashAccountsNotice("linkExpired"));
  }
  await clearPendingLinkCookie();
  if (decision === "cancel") {
    await cancelPendingLink(id, userId);
    return see(request, await flashAccountsNotice("linkCancelled"));
  }
  const result = await completePendingLink(id, userId);
  if (result.ok) return see(request, await flashAccountsNotice("linked", result.provider));
  if (result.reason === "taken") return see(request, await flashAccountsNotice("ownedByOther"));
  return see(request, await flashAccountsNotice(result.reason === "wrong-user" ? "linkWrongUser" : "linkExpired"));
}
