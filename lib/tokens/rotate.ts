// `npm run tokens:rotate`: re-encrypts every stored token (Account columns, PendingLink payloads) under the
// current key, so older keys can be removed from TOKEN_ENCRYPTION_KEYS. Resumable: it walks rows in id
// order and only rewrites values not yet under the current key, so a rerun after an interruption skips
// what is done. Each write is guarded by the exact old ciphertext: a concurrent refresh is never undone.
import "server-only";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import { decrypt, encrypt, isStale } from "./crypto";
import { markUndecryptable } from "./undecryptable";

const BATCH = 200;
const fields = ["access_token", "refresh_token", "id_token"] as const;

export interface RotationTally {
  checked: number;
  total: number;
  reencrypted: number;
  undecryptable: number;
}

export async function rotateAccountTokens(progress: (tally: RotationTally) => void): Promise<RotationTally> {
  const tally = { checked: 0, total: await db.account.count(), reencrypted: 0, undecryptable: 0 };
  for (let after = ""; ; ) {
    const rows = await db.account.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, userId: true, provider: true, version: true, access_token: true, refresh_token: true, id_token: true },
    });
    if (rows.length === 0) return tally;
    for (const row of rows) {
      tally.checked++;
      const stale = fields.filter((field) => row[field] !== null && isStale(row[field]));
      if (stale.length === 0) continue;
      const old = Object.fromEntries(stale.map((field) => [field, row[field]]));
      let fresh: Record<string, string>;
      try {
        fresh = Object.fromEntries(stale.map((field) => [field, encrypt(decrypt(row[field]!, field).value, field)]));
      } catch {
        tally.undecryptable++; // its key is already gone: the person must reconnect; say so on their page
        await markUndecryptable(row, findProvider(row.provider) ?? { id: row.provider });
        continue;
      }
      const { count } = await db.account.updateMany({ where: { id: row.id, ...old }, data: fresh });
      if (count === 1) tally.reencrypted++; // 0: a refresh wrote newer tokens (under the current key) meanwhile
    }
    after = rows.at(-1)!.id;
    progress(tally);
  }
}

export async function rotatePendingLinks(progress: (tally: RotationTally) => void): Promise<RotationTally> {
  const tally = { checked: 0, total: await db.pendingLink.count(), reencrypted: 0, undecryptable: 0 };
  for (let after = ""; ; ) {
    const rows = await db.pendingLink.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: BATCH, select: { id: true, payload: true } });
    if (rows.length === 0) return tally;
    for (const row of rows) {
      tally.checked++;
      if (!isStale(row.payload)) continue;
      try {
        const payload = encrypt(decrypt(row.payload, "pending_link").value, "pending_link");
        tally.reencrypted += (await db.pendingLink.updateMany({ where: { id: row.id, payload: row.payload }, data: { payload } })).count;
      } catch {
        tally.undecryptable++; // unusable; the keep-alive cron deletes it once expired (at most ten minutes)
      }
    }
    after = rows.at(-1)!.id;
    progress(tally);
  }
}
