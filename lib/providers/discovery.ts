// OpenID Connect discovery, cached per process: the revocation, end-session and userinfo endpoints.
import { z } from "zod";

const metadataSchema = z.object({
  issuer: z.string(),
  token_endpoint: z.string().url(),
  userinfo_endpoint: z.string().url().optional(),
  revocation_endpoint: z.string().url().optional(),
  end_session_endpoint: z.string().url().optional(),
});

export type IssuerMetadata = z.infer<typeof metadataSchema>;

const cache = new Map<string, { metadata: Promise<IssuerMetadata>; until: number }>();
const TEN_MINUTES = 10 * 60 * 1000;

export function discover(issuer: string): Promise<IssuerMetadata> {
  const hit = cache.get(issuer);
  if (hit && hit.until > Date.now()) return hit.metadata;
  const metadata = fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) })
    .then((response) => {
      if (!response.ok) throw new Error(`Discovery failed for ${issuer}: HTTP ${response.status}`);
      return response.json();
    })
    .then((json) => {
      const parsed = metadataSchema.parse(json);
      // Mix-up defence: the document must describe the issuer we asked about.
      if (parsed.issuer.replace(/\/$/, "") !== issuer.replace(/\/$/, "")) throw new Error(`Discovery for ${issuer} named another issuer`);
      return parsed;
    });
  cache.set(issuer, { metadata, until: Date.now() + TEN_MINUTES });
  metadata.catch(() => cache.delete(issuer));
  return metadata;
}
