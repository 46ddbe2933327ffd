// Refreshes connections whose access token expires soon, so rarely used ones stay alive.
import "server-only";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import { refreshAccount } from "./refresh";

export const KEEP_ALIVE_BATCH = 25;
const WINDOW_SECONDS = 15 * 60;

export async function refreshExpiringAccounts(limit = KEEP_ALIVE_BATCH) {
  const soon = Math.floor(Date.now() / 1000) + WINDOW_SECONDS;
  const accounts = await db.account.findMany({
    where: { status: "active", refresh_token: { not: null }, expires_at: { lt: soon } },
    orderBy: { expires_at: "asc" },
    take: limit,
    select: { id: true, provider: true, version: true },
  });
  let refreshed = 0;
  let failed = 0;
  // One at a time: a cron run must not stampede a provider.
  for (const account of accounts) {
    const provider = findProvider(account.provider);
    if (!provider) continue;
    try {
      await refreshAccount(provider, account.id, account.version);
      refreshed++;
    } catch {
      failed++; // Recorded on the account (lastError / needs reconnect) by refreshAccount.
    }
  }
  return { checked: accounts.length, refreshed, failed };
}
