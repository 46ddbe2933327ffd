"use server";
// "Confirm it's you": sign in again with one of the person's own methods, then back to where they were.
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { signIn } from "@/auth";
import { userAction } from "@/lib/actions/user-action";
import { invalid } from "@/lib/actions/validation";
import { setConfirmIntent } from "@/lib/auth/recent-sign-in";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { db } from "@/lib/db";
import { clientIp, hitRateLimit, rateLimitMessage } from "@/lib/rate-limit";

const returnTo = z.string().max(2048).optional().transform((v) => safeRedirect(v, "/settings/security"));

const providerConfirm = z.object({ provider: z.string({ message: invalid("chooseProvider") }).max(64, invalid("unknownProvider")), returnTo });

export const confirmWithProvider = userAction(providerConfirm, async ({ provider, returnTo: target }, userId) => {
  const owns = await db.account.count({ where: { userId, provider, type: { in: ["oauth", "oidc"] } } });
  if (owns === 0) {
    const t = await getTranslations("confirm");
    return { error: t("notYourMethod") };
  }
  const limited = await hitRateLimit("sign-in", clientIp(await headers()));
  if (!limited.ok) return { error: rateLimitMessage(limited.retryAfterSeconds, await getLocale()) };
  await setConfirmIntent(userId, target);
  await signIn(provider, { redirectTo: target });
  return null;
});

/** Before the passkey prompt: marks this browser as confirming, so the passkey sign-in counts. */
export const startPasskeyConfirm = userAction(z.object({ returnTo }), async ({ returnTo: target }, userId) => {
  await setConfirmIntent(userId, target);
  return { success: "ready" };
});
