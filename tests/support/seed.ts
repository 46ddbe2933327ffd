// People with a connected provider and a session, written straight into the app's database for the bench and
// the load/outage browser tests. Plain SQL, so one implementation serves every driver: node-postgres, PGlite,
// or Prisma's raw queries.
// Timestamps are written as UTC wall time, the way Prisma stores DateTime in TIMESTAMP(3) columns.
// Loads lib/tokens/columns, which reads the environment once: import this module only after AUTH_SECRET is set.
import { randomBytes, randomUUID } from "node:crypto";
import type { SqlRunner } from "../../lib/database/migrate";
import { tokenColumns, type TokenSet } from "../../lib/tokens/columns";

const NOW = `(now() AT TIME ZONE 'UTC')`;

/** A user with a connected `provider` account holding `tokens`, encrypted as the app stores them. */
export async function seedConnectedUser(
  sql: SqlRunner,
  { provider, username, tokens, issuedAtMs }: { provider: string; username: string; tokens: TokenSet; issuedAtMs: number },
): Promise<{ userId: string; accountId: string }> {
  const userId = `seed-user-${randomUUID()}`;
  const accountId = `seed-account-${randomUUID()}`;
  const email = `${username}@example.test`;
  await sql.query(`INSERT INTO "User" ("id", "name", "email", "createdAt", "updatedAt") VALUES ($1, $2, $3, ${NOW}, ${NOW})`, [
    userId, username, email,
  ]);
  const columns = tokenColumns(tokens);
  await sql.query(
    `INSERT INTO "Account" ("id", "userId", "type", "provider", "providerAccountId", "username", "email",
       "access_token", "refresh_token", "id_token", "expires_at", "accessTokenIssuedAt", "scope", "token_type",
       "createdAt", "updatedAt")
     VALUES ($1, $2, 'oidc', $3, $4, $4, $5, $6, $7, $8, $9::integer,
       to_timestamp($10::double precision / 1000) AT TIME ZONE 'UTC', $11, $12, ${NOW}, ${NOW})`,
    [
      accountId, userId, provider, username, email,
      columns.access_token ?? null, columns.refresh_token ?? null, columns.id_token ?? null,
      columns.expires_at === null ? null : String(columns.expires_at), String(issuedAtMs),
      columns.scope ?? null, columns.token_type ?? null,
    ],
  );
  return { userId, accountId };
}

/** A database session as Auth.js creates one at sign-in; returns the value of the authjs.session-token cookie. */
export async function seedSession(sql: SqlRunner, userId: string): Promise<string> {
  const sessionToken = randomBytes(32).toString("hex");
  await sql.query(
    `INSERT INTO "Session" ("sessionToken", "userId", "expires", "createdAt", "updatedAt")
     VALUES ($1, $2, ${NOW} + interval '30 days', ${NOW}, ${NOW})`,
    [sessionToken, userId],
  );
  return sessionToken;
}

export interface AccountState {
  version: number;
  status: string;
  leaseOwner: string | null;
}

export async function accountState(sql: SqlRunner, accountId: string): Promise<AccountState> {
  const { rows } = await sql.query<AccountState>(`SELECT "version", "status", "leaseOwner" FROM "Account" WHERE "id" = $1`, [accountId]);
  if (!rows[0]) throw new Error(`account ${accountId} is gone`);
  return rows[0];
}
