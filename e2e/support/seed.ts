// Seeds signed-in people with a connected provider straight into the app's PostgreSQL database, for
// load tests: real tokens from the local provider, encrypted with the e2e app's key, already expired.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { postgresConfig } from "../../lib/database/connect";
import { obtainTokens } from "../../tests/support/oidc-client";
import { E2E_AUTH_SECRET } from "./global-setup";

export interface SeededPerson {
  userId: string;
  accountId: string;
  cookie: string;
}

export async function seedPeopleWithExpiredTokens(
  databaseUrl: string,
  provider: { id: string; issuer: string },
  appOrigin: string,
  count: number,
): Promise<SeededPerson[]> {
  process.env.AUTH_SECRET ??= E2E_AUTH_SECRET; // lib/tokens/crypto reads the environment when loaded
  const { tokenColumns } = await import("../../lib/tokens/columns");
  const client = new pg.Client(postgresConfig(databaseUrl).pool);
  await client.connect();
  try {
    const people: SeededPerson[] = [];
    for (let i = 0; i < count; i++) {
      const username = `load-${i}-${randomBytes(3).toString("hex")}`;
      const tokens = await obtainTokens(provider, { username, appOrigin });
      const columns = tokenColumns({ ...tokens, expires_at: Math.floor(Date.now() / 1000) - 60 });
      const [userId, accountId, sessionToken] = [randomUUID(), randomUUID(), randomBytes(32).toString("hex")];
      await client.query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, $3, now())`, [userId, `${username}@example.test`, username]);
      await client.query(
        `INSERT INTO "Account" (id, "userId", type, provider, "providerAccountId", access_token, refresh_token, id_token,
           expires_at, "accessTokenIssuedAt", scope, token_type, "updatedAt")
         VALUES ($1, $2, 'oidc', $3, $4, $5, $6, $7, $8, $9, $10, $11, now())`,
        [accountId, userId, provider.id, username, columns.access_token, columns.refresh_token, columns.id_token,
          columns.expires_at, columns.accessTokenIssuedAt, columns.scope ?? null, columns.token_type ?? null],
      );
      await client.query(
        `INSERT INTO "Session" ("sessionToken", "userId", expires, "updatedAt") VALUES ($1, $2, now() + interval '1 day', now())`,
        [sessionToken, userId],
      );
      people.push({ userId, accountId, cookie: `authjs.session-token=${sessionToken}` });
    }
    return people;
  } finally {
    await client.end();
  }
}

export async function accountVersions(databaseUrl: string, accountIds: string[]): Promise<Map<string, { version: number; status: string }>> {
  const client = new pg.Client(postgresConfig(databaseUrl).pool);
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT id, version, status FROM "Account" WHERE id = ANY($1)`, [accountIds]);
    return new Map(rows.map((row) => [row.id, { version: row.version, status: row.status }]));
  } finally {
    await client.end();
  }
}
