import type { ProviderDefinition } from "./types";

/** HTTP Basic client authentication (RFC 6749 section 2.3.1: each part form-encoded first). */
export function clientAuthHeader(provider: Pick<ProviderDefinition, "clientId" | "clientSecret">): string {
  const user = encodeURIComponent(provider.clientId);
  const password = encodeURIComponent(provider.clientSecret);
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}
