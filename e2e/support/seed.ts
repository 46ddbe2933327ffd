// Signed-in people with an expired, real token from a local provider, written into the e2e app's
// PostgreSQL database (tests/support/seed.ts) for the load and outage tests.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { postgresConfig, postgresRunner } from "../../lib/database/connect";
import { obtainTokens } from "../../tests/support/oidc-client";
import { E2E_AUTH_SECRET, E2E_TOKEN_KEYS } from "./global-setup";

export interface SeededPerson {
  userId: string;
  accountId: string;
  cookie: string;
}

async function withDatabase<T>(databaseUrl: string, run: (sql: ReturnType<typeof postgresRunner>) => Promise<T>) {
  const client = new pg.Client(postgresConfig(databaseUrl).pool);
  await client.connect();
  try {
    return await run(postgresRunner(client));
  } finally {
    await client.end();
  }
}

export async function seedPeopleWithExpiredTokens(
  databaseUrl: string,
  provider: { id: string; issuer: string },
  appOrigin: string,
  count: number,
): Promise<SeededPerson[]> {
  process.env.AUTH_SECRET ??= E2E_AUTH_SECRET; // the seed encrypts with lib/tokens, which reads the environment once
  process.env.TOKEN_ENCRYPTION_KEYS ??= E2E_TOKEN_KEYS;
  const { seedConnectedUser, seedSession } = await import("../../tests/support/seed");
  return withDatabase(databaseUrl, async (sql) => {
    const people: SeededPerson[] = [];
    for (let i = 0; i < count; i++) {
      const username = `load-${i}-${randomBytes(3).toString("hex")}`;
      const tokens = await obtainTokens(provider, { username, appOrigin });
      const expiresAt = Math.floor(Date.now() / 1000) - 60;
      const { userId, accountId } = await seedConnectedUser(sql, {
        provider: provider.id,
        username,
        tokens: { ...tokens, expires_at: expiresAt },
        issuedAtMs: Date.now() - 3_600_000,
      });
      people.push({ userId, accountId, cookie: `authjs.session-token=${await seedSession(sql, userId)}` });
    }
    return people;
  });
}

export async function accountStates(databaseUrl: string, accountIds: string[]) {
  process.env.AUTH_SECRET ??= E2E_AUTH_SECRET;
  process.env.TOKEN_ENCRYPTION_KEYS ??= E2E_TOKEN_KEYS;
  const { accountState } = await import("../../tests/support/seed");
  return withDatabase(databaseUrl, (sql) =>
    Promise.all(accountIds.map(async (id) => {
      const { version, status } = await accountState(sql, id);
      return { version, status };
    })),
  );
}
