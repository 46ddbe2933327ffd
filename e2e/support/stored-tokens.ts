// The plaintext tokens the app holds, read from its PostgreSQL database and decrypted with the key the
// e2e app uses (E2E_TOKEN_KEYS) — so a test can prove none of them reached the browser.
import pg from "pg";
import { parseKeyRing } from "../../lib/tokens/keys";
import { postgresConfig } from "../../lib/database/connect";
import { E2E_AUTH_SECRET, E2E_TOKEN_KEYS } from "./global-setup";

export async function storedTokens(databaseUrl: string): Promise<string[]> {
  // lib/tokens/crypto reads the environment when loaded; this process is not the app, so give it the app's secret.
  process.env.AUTH_SECRET ??= E2E_AUTH_SECRET;
  process.env.TOKEN_ENCRYPTION_KEYS ??= E2E_TOKEN_KEYS;
  const { decrypt } = await import("../../lib/tokens/crypto");
  const client = new pg.Client(postgresConfig(databaseUrl).pool);
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT access_token, refresh_token, id_token FROM "Account"`);
    const keys = parseKeyRing(E2E_TOKEN_KEYS, E2E_AUTH_SECRET);
    return rows.flatMap((row) =>
      (["access_token", "refresh_token", "id_token"] as const)
        .filter((field) => row[field])
        .map((field) => decrypt(row[field], field, keys).value),
    );
  } finally {
    await client.end();
  }
}
