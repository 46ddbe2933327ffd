// "Call API": the provider's real API with the person's token, summarized for the person.
import "server-only";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import { ProviderApiError } from "@/lib/providers/api-response";
import { NotConnectedError, ReconnectRequiredError, TransientTokenError } from "@/lib/tokens/errors";
import { withProviderToken } from "@/lib/tokens/with-provider-token";

const shownAsIs = [ProviderApiError, NotConnectedError, ReconnectRequiredError, TransientTokenError];

/** Calls the API of one connection of this user; another user's connection id is "not connected". */
export async function callProviderApi(userId: string, connectionId: string): Promise<{ ok: boolean; summary: string }> {
  const connection = await db.account.findFirst({ where: { id: connectionId, userId }, select: { provider: true } });
  if (!connection) return { ok: false, summary: new NotConnectedError("That account").message };
  const provider = findProvider(connection.provider);
  if (!provider) return { ok: false, summary: `${connection.provider} is no longer available here.` };
  const providerId = provider.id;
  try {
    const summary = await provider.callApi((url) =>
      withProviderToken(userId, connectionId, (accessToken) =>
        fetch(url, {
          headers: { authorization: `Bearer ${accessToken}`, accept: "application/json", "user-agent": "connected-accounts" },
          signal: AbortSignal.timeout(10_000),
        }),
      ),
    );
    return { ok: true, summary };
  } catch (error) {
    // Our own errors carry messages written for people; anything else (database, network internals) gets a
    // generic line, and only its type is logged: never a message that could hold a token or a host.
    if (shownAsIs.some((type) => error instanceof type)) return { ok: false, summary: (error as Error).message };
    console.error(`Call API for ${providerId} failed: ${error instanceof Error ? error.name : typeof error}`);
    return { ok: false, summary: "something went wrong on our side; please try again" };
  }
}
