// "Call API": the provider's real API with the person's token, summarized for the person.
import "server-only";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import { ProviderApiError } from "@/lib/providers/api-response";
import { NotConnectedError, ReconnectRequiredError, TransientTokenError } from "@/lib/tokens/errors";
import { withProviderToken } from "@/lib/tokens/with-provider-token";

const shownAsIs = [ProviderApiError, NotConnectedError, ReconnectRequiredError, TransientTokenError];

export async function callProviderApi(userId: string, providerId: string): Promise<{ ok: boolean; summary: string }> {
  const provider = findProvider(providerId);
  if (!provider) return { ok: false, summary: "unknown provider" };
  try {
    const connection = await db.account.findFirst({ where: { userId, provider: providerId }, select: { id: true } });
    if (!connection) throw new NotConnectedError(provider.name);
    const summary = await provider.callApi((url) =>
      withProviderToken(userId, connection.id, (accessToken) =>
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
