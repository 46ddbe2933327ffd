"use server";
// Thin server actions for /settings/accounts; the rules live in lib/accounts.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { userAction } from "@/lib/actions/user-action";
import { callProviderApi } from "@/lib/accounts/call-provider-api";
import { disconnectAccount } from "@/lib/accounts/disconnect";
import { grantedScopes } from "@/lib/accounts/connections";
import { setConnectIntent } from "@/lib/auth/flow-cookies";
import { findProvider } from "@/lib/providers";
import { accountInput, providerInput } from "./schemas";

/** Connect (or reconnect) a provider: the OAuth round trip links it to this user, the session stays. */
export const connectProvider = userAction(providerInput, async ({ provider }, userId) => {
  await setConnectIntent(provider, userId);
  await signIn(provider, { redirectTo: `/settings/accounts?notice=connected&provider=${provider}` });
  return null;
}, { recentSignIn: "/settings/accounts", rateLimit: "connect" });

/** Re-authorize with the extra scopes the app offers, keeping what was already granted. */
export const grantMoreAccess = userAction(providerInput, async ({ provider: id }, userId) => {
  const provider = findProvider(id)!;
  if (provider.extraScopes.length === 0) return { error: `${provider.name} has no extra access to grant.` };
  const granted = await grantedScopes(userId, id);
  if (granted === null) return { error: `Connect ${provider.name} first.` };
  const scope = [...new Set([...provider.scope.split(" "), ...granted, ...provider.extraScopes])].join(" ");
  await setConnectIntent(id, userId);
  await signIn(id, { redirectTo: `/settings/accounts?notice=access-updated&provider=${id}` }, { scope });
  return null;
}, { recentSignIn: "/settings/accounts", rateLimit: "connect" });

export const disconnect = userAction(accountInput, async ({ accountId }, userId) => {
  const result = await disconnectAccount(userId, accountId);
  if (!result.ok) {
    return {
      error:
        result.error === "last-method"
          ? "This is your only way to sign in. Connect another provider before disconnecting this one."
          : "That account was not found.",
    };
  }
  // The row this form lives in turns into a "Connect" row, so the outcome is a page-level notice.
  redirect(`/settings/accounts?notice=disconnected-${result.revocation.status}&provider=${result.provider}`);
}, { recentSignIn: "/settings/accounts", rateLimit: "disconnect" });

/** Calls the provider's API for the person (refreshing the token first when needed). */
export const callApi = userAction(providerInput, async ({ provider }, userId) => {
  const result = await callProviderApi(userId, provider);
  revalidatePath("/settings/accounts");
  return result.ok ? { success: `API call succeeded: ${result.summary}` } : { error: `API call failed: ${result.summary}` };
}, { rateLimit: "call-api" });
