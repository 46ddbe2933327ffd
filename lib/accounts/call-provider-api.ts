// "Call API": the provider's real API with the person's token, summarized for the person in their language.
import "server-only";
import { createTranslator } from "next-intl";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import { ProviderApiError, type ApiResultMessage } from "@/lib/providers/api-response";
import { NotConnectedError, ReconnectRequiredError, TransientTokenError } from "@/lib/tokens/errors";
import { withProviderToken } from "@/lib/tokens/with-provider-token";
import en from "@/messages/en.json";

export interface ApiCallOutcome {
  ok: boolean;
  result: ApiResultMessage;
}

/** Calls the API of one connection of this user; another user's connection id is "not connected". */
export async function runProviderApiCall(userId: string, connectionId: string): Promise<ApiCallOutcome> {
  const connection = await db.account.findFirst({ where: { id: connectionId, userId }, select: { provider: true } });
  if (!connection) return { ok: false, result: { key: "notConnected" } };
  const provider = findProvider(connection.provider);
  if (!provider) return { ok: false, result: { key: "providerGone", values: { provider: connection.provider } } };
  try {
    const result = await provider.callApi((url) =>
      withProviderToken(userId, connectionId, (accessToken) =>
        fetch(url, {
          headers: { authorization: `Bearer ${accessToken}`, accept: "application/json", "user-agent": "connected-accounts" },
          signal: AbortSignal.timeout(10_000),
        }),
      ),
    );
    return { ok: true, result };
  } catch (error) {
    // Our own errors become messages written for people; anything else (database, network internals) gets a
    // generic line, and only its type is logged: never a message that could hold a token or a host.
    if (error instanceof ProviderApiError) return { ok: false, result: error.result };
    if (error instanceof NotConnectedError) return { ok: false, result: { key: "notConnected" } };
    if (error instanceof ReconnectRequiredError) return { ok: false, result: { key: "needsReconnect", values: { provider: provider.name } } };
    if (error instanceof TransientTokenError) return { ok: false, result: { key: "refreshFailed", values: { provider: provider.name } } };
    console.error(`Call API for ${provider.id} failed: ${error instanceof Error ? error.name : typeof error}`);
    return { ok: false, result: { key: "unexpected" } };
  }
}

/** The same, with the summary in the request's language (English outside a request: scripts and tests). */
export async function callProviderApi(userId: string, connectionId: string): Promise<{ ok: boolean; summary: string }> {
  const { ok, result } = await runProviderApiCall(userId, connectionId);
  const t = await apiResultTranslator();
  return { ok, summary: t(result.key, result.values) };
}

async function apiResultTranslator() {
  try {
    return await getTranslations("apiResult");
  } catch {
    // next-intl's request functions exist only in React Server Components (pages, actions, route handlers).
    return createTranslator({ locale: "en", messages: en, namespace: "apiResult" });
  }
}
