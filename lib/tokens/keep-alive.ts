// Refreshes connections whose access token expires soon, so rarely used ones stay alive. Fair: healthy
// connections first, then those with fewer failures; connections backing off (nextRetryAt ahead) and
// those of providers this deployment no longer configures are not picked at all, so no set of failing
// rows can starve the rest. Bounded by a batch size and a time budget below the route's maxDuration.
import "server-only";
import { db } from "@/lib/db";
import { providers, findProvider } from "@/lib/providers";
import { refreshAccount } from "./refresh";

export const KEEP_ALIVE_BATCH = 25;
const WINDOW_SECONDS = 15 * 60;
/** At most this many refreshes at once: a cron run must not stampede a provider. */
const CONCURRENCY = 4;

export async function refreshExpiringAccounts(limit = KEEP_ALIVE_BATCH, budgetMs = 40_000) {
  const stopAt = Date.now() + budgetMs;
  const now = new Date();
  const accounts = await db.account.findMany({
    where: {
      status: "active",
      refresh_token: { not: null },
      expires_at: { lt: Math.floor(now.getTime() / 1000) + WINDOW_SECONDS },
      provider: { in: providers.map((provider) => provider.id) },
      OR: [{ nextRetryAt: null }, { nextRetryAt: { lte: now } }],
    },
    orderBy: [{ failureCount: "asc" }, { expires_at: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, provider: true, version: true },
  });
  let refreshed = 0;
  let failed = 0;
  let skipped = 0;
  const queue = [...accounts];
  const worker = async () => {
    for (let account = queue.shift(); account; account = queue.shift()) {
      const provider = findProvider(account.provider);
      // Out of time: the rest waits for the next run rather than being cut off mid-refresh.
      if (!provider || Date.now() > stopAt) {
        skipped++;
        continue;
      }
      try {
        await refreshAccount(provider, account.id, account.version);
        refreshed++;
      } catch {
        failed++; // Recorded on the account (lastError, back-off or needs reconnect) by refreshAccount.
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { checked: accounts.length, refreshed, failed, skipped };
}
