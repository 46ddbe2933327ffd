// Expired pending links still hold a provider grant (encrypted tokens in `payload`). The keep-alive cron
// revokes those tokens at the provider, then deletes the row: nothing parked outlives its ten minutes.
import "server-only";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import { findProvider } from "@/lib/providers";
import { revokeTokens, type RevocationResult } from "@/lib/providers/revoke";
import { decrypt } from "@/lib/tokens/crypto";

const BATCH = 50;

export async function purgeExpiredPendingLinks(limit = BATCH) {
  const expired = await db.pendingLink.findMany({
    where: { expiresAt: { lt: new Date() } },
    orderBy: { expiresAt: "asc" },
    take: limit,
    select: { id: true, userId: true, provider: true, payload: true },
  });
  let revoked = 0;
  for (const link of expired) {
    const result = await revoke(link.provider, link.payload);
    if (result.status === "revoked") revoked++;
    if (result.status === "failed" || result.status === "impossible") {
      await recordActivity(link.userId, result.status === "failed" ? "revocation_failed" : "revocation_impossible", link.provider, result.error);
    }
    await db.pendingLink.deleteMany({ where: { id: link.id } });
  }
  return { purged: expired.length, revoked };
}

async function revoke(providerId: string, payload: string): Promise<RevocationResult> {
  const provider = findProvider(providerId);
  if (!provider) return { status: "unsupported" };
  let tokens: { access_token?: unknown; refresh_token?: unknown };
  try {
    tokens = JSON.parse(decrypt(payload, "pending_link").value) as typeof tokens;
  } catch {
    return { status: "impossible", error: "the parked tokens cannot be decrypted" };
  }
  const text = (value: unknown) => (typeof value === "string" && value ? value : null);
  return revokeTokens(provider, { accessToken: text(tokens.access_token), refreshToken: text(tokens.refresh_token) });
}
