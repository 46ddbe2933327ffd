// The token row withProviderToken reads on every provider API call, in one statement without Prisma's query
// pipeline (lib/database/raw-query.ts): that pipeline was most of withProviderToken's own cost, not the
// decryption (about 20 µs; the key is derived once per process). Same columns as tokenRowSelect.
import "server-only";
import { queryRows } from "@/lib/database/raw-query";
import type { TokenRow } from "./refresh";

/** The user's account for a provider (or one connection, by id), or null. */
export async function readTokenRow(userId: string, by: { provider: string } | { id: string }): Promise<TokenRow | null> {
  const [column, value] = "id" in by ? ['"id"', by.id] : ['"provider"', by.provider];
  const rows = await queryRows<TokenRow>(
    `SELECT "id", "userId", "provider", "access_token", "refresh_token", "id_token", "expires_at",
       "accessTokenIssuedAt" AT TIME ZONE 'UTC' AS "accessTokenIssuedAt", "version", "status"
     FROM "Account" WHERE "userId" = $1 AND ${column} = $2 LIMIT 1`,
    [userId, value],
  );
  return rows[0] ?? null;
}
