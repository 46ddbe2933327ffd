"use server";
// Thin server actions for /settings/accounts; the rules live in lib/accounts, the texts in messages/*.json
// (accounts.results), read in the request's language. Every action on an existing
// connection names it by id, and lib/accounts scopes each id to the signed-in user (another user's id: not found).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/auth";
import { userAction, type ActionState } from "@/lib/actions/user-action";
import { callProviderApi } from "@/lib/accounts/call-provider-api";
import {
  connectRequest, grantMoreAccessRequest, reconnectRequest, type ConnectRequestError, type ConnectRequestResult,
} from "@/lib/accounts/connect-requests";
import { renameConnection, setSignInEnabled } from "@/lib/accounts/connection-settings";
import { disconnectAccount } from "@/lib/accounts/disconnect";
import { setConnectIntent } from "@/lib/auth/flow-cookies";
import { ACCOUNTS_PATH, flashAccountsNotice } from "./notices";
import { connectionInput, labelInput, providerInput, signInSwitchInput } from "./schemas";

async function refusal(refused: ConnectRequestError): Promise<ActionState> {
  const t = await getTranslations("accounts.results");
  if (refused.error === "no-extra-access") return { error: t("noExtraAccess", { provider: refused.providerName }) };
  return { error: t(refused.error === "not-found" ? "notFound" : "unknownProvider") };
}

/** Starts the OAuth round trip a request describes; the session stays, the callback links to this user. */
// Success shows its notice as a flash set in the Auth.js signIn callback (auth.ts), where the round trip ends.
async function startConnect(
  request: ConnectRequestResult, userId: string, notice: "connected" | "access-updated",
): Promise<ActionState> {
  if ("error" in request) return refusal(request);
  await setConnectIntent(request.providerId, userId, request.connectionId, notice);
  await signIn(request.providerId, { redirectTo: ACCOUNTS_PATH }, request.params);
  return null;
}

/** "Connect" and "Connect another <Provider> account": a new connection (the provider asks who, if one exists). */
export const connectProvider = userAction(providerInput, async ({ provider }, userId) =>
  startConnect(await connectRequest(userId, provider), userId, "connected"),
{ recentSignIn: "/settings/accounts", rateLimit: "connect" });

/** "Reconnect": a new grant for this connection only. */
export const reconnect = userAction(connectionInput, async ({ connectionId }, userId) =>
  startConnect(await reconnectRequest(userId, connectionId), userId, "connected"),
{ recentSignIn: "/settings/accounts", rateLimit: "connect" });

/** "Grant more access": re-authorize this connection with the extra scopes, keeping what was already granted. */
export const grantMoreAccess = userAction(connectionInput, async ({ connectionId }, userId) =>
  startConnect(await grantMoreAccessRequest(userId, connectionId), userId, "access-updated"),
{ recentSignIn: "/settings/accounts", rateLimit: "connect" });

export const disconnect = userAction(connectionInput, async ({ connectionId }, userId) => {
  const result = await disconnectAccount(userId, connectionId);
  if (!result.ok) {
    const t = await getTranslations("accounts.results");
    return { error: t(result.error === "last-method" ? "lastMethodDisconnect" : "notFound") };
  }
  // The row this form lives in disappears, so the outcome is a page-level notice.
  const notices = {
    revoked: "disconnectedRevoked", unsupported: "disconnectedUnsupported", impossible: "disconnectedImpossible", failed: "disconnectedFailed",
  } as const;
  redirect(await flashAccountsNotice(notices[result.revocation.status], result.provider));
}, { recentSignIn: "/settings/accounts", rateLimit: "disconnect" });

/** Calls the provider's API with this connection's token (refreshing it first when needed). */
export const callApi = userAction(connectionInput, async ({ connectionId }, userId) => {
  const [result, t] = await Promise.all([callProviderApi(userId, connectionId), getTranslations("accounts.results")]);
  revalidatePath("/settings/accounts");
  // The English prefixes "API call succeeded" / "API call failed" are a public contract (browser tests read them).
  const summary = { summary: result.summary };
  return result.ok ? { success: t("apiSucceeded", summary) } : { error: t("apiFailed", summary) };
}, { rateLimit: "call-api" });

export const saveLabel = userAction(labelInput, async ({ connectionId, label }, userId) => {
  const [result, t] = await Promise.all([renameConnection(userId, connectionId, label), getTranslations("accounts.results")]);
  if (!result.ok) return { error: t("notFound") };
  revalidatePath("/settings/accounts");
  return { success: t(label.trim() ? "labelSaved" : "labelRemoved") };
});

const switchErrors = { "not-found": "notFound", "last-method": "lastMethodSwitch", "cannot-sign-in": "cannotSignIn" } as const;

export const setUseToSignIn = userAction(signInSwitchInput, async ({ connectionId, enabled }, userId) => {
  const [result, t] = await Promise.all([setSignInEnabled(userId, connectionId, enabled), getTranslations("accounts.results")]);
  if (!result.ok) return { error: t(switchErrors[result.error]) };
  revalidatePath("/settings/accounts");
  return { success: t(enabled ? "signInOn" : "signInOff") };
}, { recentSignIn: "/settings/accounts" });
