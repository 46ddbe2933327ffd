// "Call API": the provider's real API with the person's token, summarized for the person.
import "server-only";
import { findProvider } from "@/lib/providers";
import { withProviderToken } from "@/lib/tokens/with-provider-token";

export async function callProviderApi(userId: string, providerId: string): Promise<{ ok: boolean; summary: string }> {
  const provider = findProvider(providerId);
  if (!provider) return { ok: false, summary: "unknown provider" };
  try {
    const summary = await provider.callApi((url) =>
      withProviderToken(userId, providerId, (accessToken) =>
        fetch(url, {
          headers: { authorization: `Bearer ${accessToken}`, accept: "application/json", "user-agent": "connected-accounts" },
          signal: AbortSignal.timeout(10_000),
        }),
      ),
    );
    return { ok: true, summary };
  } catch (error) {
    // Our own errors carry messages written for people; anything else gets a generic line (no internals).
    return { ok: false, summary: error instanceof Error ? error.message : "unexpected error" };
  }
}
