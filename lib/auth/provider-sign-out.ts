// RP-initiated logout: after our session ends, end the OpenID provider's session too and come back.
import "server-only";
import { findProvider } from "@/lib/providers";
import { authorizationServer } from "@/lib/providers/oauth";

/**
 * The provider's end-session URL, or null when it has none. `client_id` identifies us instead of
 * `id_token_hint`, so the ID token never appears in a browser URL.
 */
export async function providerSignOutUrl(providerId: string | null, appOrigin: string): Promise<string | null> {
  const provider = providerId ? findProvider(providerId) : undefined;
  if (!provider?.issuer) return null;
  try {
    const { end_session_endpoint } = await authorizationServer(provider);
    if (!end_session_endpoint) return null;
    const url = new URL(end_session_endpoint);
    url.searchParams.set("client_id", provider.clientId);
    url.searchParams.set("post_logout_redirect_uri", `${appOrigin}/sign-in`);
    return url.toString();
  } catch {
    return null; // The provider is unreachable: our own sign-out has still happened.
  }
}
