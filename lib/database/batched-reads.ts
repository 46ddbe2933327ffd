// The reads nearly every request makes — its session, the accounts list — are sent together when several
// requests ask at the same moment: every call made in one turn of the event loop joins a single statement
// (`= ANY($1)`), so a server busy with N requests pays one round trip for them instead of N (docs/performance.md,
// step 17). Nothing is cached: each read is sent after the request that asked for it arrived, so a session
// deleted before then is never returned and sign-out stays immediate. A request alone waits one
// `setImmediate`, not a timer.
import "server-only";
import DataLoader from "dataloader";

/**
 * `readMany(keys)` must answer for every key, in order (null where there is nothing); keys may repeat. It runs
 * in whichever request's context came first, so it must not use request APIs (cookies, headers).
 */
export function batchedReads<K, V>(readMany: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  return new DataLoader(readMany, { cache: false, maxBatchSize: 100, batchScheduleFn: (send) => setImmediate(send) });
}

/** `rows` grouped under `keys`, in the keys' order: what a batch answers with. */
export function rowsByKey<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const grouped = new Map<K, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(row);
  return keys.map((key) => grouped.get(key) ?? []);
}
