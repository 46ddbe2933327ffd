"use server";
// Thin server actions for /settings/accounts; the rules live in lib/accounts. Every action on an existing
// connection names it by id, and lib/accounts scopes each id to the signed-in user (another user's id: not found).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { userAction, type ActionState } from "@/lib/actions/user-action";
import { callProviderApi } from "@/lib/accounts/call-provider-api";
import {
  connectRequest, grantMoreAccessRequest, reconnectRequest, type ConnectRequestResult,
} from "@/lib/accounts/connect-requests";
import { renameConnection, setSignInEnabled } from "@/lib/accounts/connection-settings";
import { disconnectAccount } from "@/lib/accounts/disconnect";
import { setConnectIntent } from "@/lib/auth/flow-cookies";
import { ACCOUNTS_PATH, flashAccountsNotice } from "./notices";
import { connectionInput, labelInput, providerInput, signInSwitchInput } from "./schemas";

/** Starts the OAuth round trip a request describes; the session stays, the callback links to this user. */
// Success shows its notice as a flash set in the Auth.js signIn callback (auth.ts), where the round trip ends.
async function startConnect(
  request: ConnectRequestResult, userId: string, notice: "connected" | "access-updated",
): Promise<ActionState> {
  if ("error" in request) return { error: request.error };
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
    return {
      error:
        result.error === "last-method"
          ? "This is your only way to sign in. Connect another provider before disconnecting this one."
          : "That account was not found.",
    };
  }
  // The row this form lives in disappears, so the outcome is a page-level notice.
  const notices = {
    revoked: "disconnectedRevoked", unsupported: "disconnectedUnsupported", impossible: "disconnectedImpossible", failed: "disconnectedFailed",
  } as const;
  redirect(await flashAccountsNotice(notices[result.revocation.status], result.provider));
}, { recentSignIn: "/settings/accounts", rateLimit: "disconnect" });

/** Calls the provider's API with this connection's token (refreshing it first when needed). */
export const callApi = userAction(connectionInput, async ({ connectionId }, userId) => {
  const result = await callProviderApi(userId, connectionId);
  revalidatePath("/settings/accounts");
  return result.ok ? { success: `API call succeeded: ${result.summary}` } : { error: `API call failed: ${result.summary}` };
}, { rateLimit: "call-api" });

export const saveLabel = userAction(labelInput, async ({ connectionId, label }, userId) => {
  const result = await renameConnection(userId, connectionId, label);
  if (!result.ok) return { error: "That account was not found." };
  revalidatePath("/settings/accounts");
  return { success: label.trim() ? "Label saved." : "Label removed." };
});

const switchErrors = {
  "not-found": "That account was not found.",
  "last-method": "This is your only way to sign in, so it must stay on. Turn on another account or connect one first.",
  "cannot-sign-in": "This provider cannot be used to sign in here.",
} as const;

export const setUseToSignIn = userAction(signInSwitchInput, async ({ connectionId, enabled }, userId) => {
  const result = await setSignInEnabled(userId, connectionId, enabled);
  if (!result.ok) return { error: switchErrors[result.error] };
  revalidatePath("/settings/accounts");
  return { success: enabled ? "You can sign in with this account." : "This account no longer signs you in." };
}, { recentSignIn: "/settings/accounts" });
