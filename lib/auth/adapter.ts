// Auth.js's Prisma adapter, with provider tokens encrypted before they reach the database and the
// session read in one statement (the stock adapter's `include: { user }` costs Prisma two).
import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import { batchedReads, rowsByKey } from "@/lib/database/batched-reads";
import { queryRows } from "@/lib/database/raw-query";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity";
import { readSecret, tokenColumns } from "@/lib/tokens/columns";
import { currentLocale, translator } from "@/i18n/translator";
import { describeUserAgent, requestUserAgent } from "./user-agent";

// @auth/prisma-adapter is typed against the default @prisma/client output, an untyped stub here (ours is
// generated into lib/), so our client is taken as it is.
const prismaAdapter = PrismaAdapter(db);

export function accountRow(account: AdapterAccount) {
  return {
    userId: account.userId,
    type: account.type,
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    session_state: typeof account.session_state === "string" ? account.session_state : null,
    ...tokenColumns(account),
  };
}

const accountTypes = ["oauth", "oidc", "email", "webauthn"] as const;
const isAccountType = (type: string): type is AdapterAccount["type"] => (accountTypes as readonly string[]).includes(type);

/** A token Auth.js can use, or undefined when there is none or its key is gone (the row then needs a reconnect). */
function plain(stored: string | null, field: "access_token" | "refresh_token" | "id_token") {
  try {
    return readSecret(stored, field)?.value;
  } catch {
    return undefined;
  }
}

/** The stock adapter would hand Auth.js our ciphertext; this returns the account with its tokens decrypted. */
export async function getAccount(providerAccountId: string, provider: string): Promise<AdapterAccount | null> {
  const row = await db.account.findFirst({ where: { providerAccountId, provider } });
  if (!row || !isAccountType(row.type)) return null;
  return {
    userId: row.userId,
    type: row.type,
    provider: row.provider,
    providerAccountId: row.providerAccountId,
    access_token: plain(row.access_token, "access_token"),
    refresh_token: plain(row.refresh_token, "refresh_token"),
    id_token: plain(row.id_token, "id_token"),
    expires_at: row.expires_at ?? undefined,
    token_type: row.token_type ? row.token_type.toLowerCase() === "dpop" ? "dpop" : "bearer" : undefined,
    scope: row.scope ?? undefined,
    session_state: row.session_state ?? undefined,
  };
}

type SessionRow = AdapterSession & Omit<AdapterUser, "id"> & { id: string };

/**
 * Sessions and their users, one statement for every session read made at the same moment
 * (lib/database/batched-reads.ts; lib/database/raw-query.ts says why it skips Prisma). Only the columns the
 * header, the pages and Auth.js use. The CTE moves `lastActiveAt` only when it is a minute old, so at most one
 * row write a minute per session; every other render only reads. (The SELECT sees the rows as they were.)
 * SKIP LOCKED: a row another statement is writing (touching it too, or signing it out) is left to that one;
 * a read never waits for it, and two batches touching the same sessions cannot deadlock.
 */
const sessionReads = batchedReads(async (tokens: readonly string[]) => {
  const rows = await queryRows<SessionRow>(
    `WITH touched AS (
       UPDATE "Session" SET "lastActiveAt" = CURRENT_TIMESTAMP
       WHERE "sessionToken" IN (
         SELECT "sessionToken" FROM "Session"
         WHERE "sessionToken" = ANY($1::text[]) AND "lastActiveAt" < CURRENT_TIMESTAMP - INTERVAL '1 minute'
         FOR UPDATE SKIP LOCKED
       )
       RETURNING 1
     )
     SELECT s."sessionToken", s."userId", s."expires" AT TIME ZONE 'UTC' AS "expires",
       u."id", u."name", u."email", u."emailVerified" AT TIME ZONE 'UTC' AS "emailVerified", u."image"
     FROM "Session" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."sessionToken" = ANY($1::text[])`,
    [tokens],
  );
  return rowsByKey(tokens, rows, (row) => row.sessionToken).map(([row]) => row ?? null);
});

export async function getSessionAndUser(sessionToken: string) {
  const row = await sessionReads.load(sessionToken);
  if (!row) return null;
  const { sessionToken: token, userId, expires, ...user } = row;
  return { session: { sessionToken: token, userId, expires }, user };
}

export const authAdapter: Adapter = {
  ...prismaAdapter,
  getSessionAndUser,
  getAccount,
  async linkAccount(account) {
    await db.account.create({ data: accountRow(account) });
  },
  // Remembers the browser for the session list; the session starts authenticated (default now()).
  async createSession(session) {
    const row = await db.session.create({ data: { ...session, userAgent: await requestUserAgent() } });
    return { sessionToken: row.sessionToken, userId: row.userId, expires: row.expires };
  },
  // A session signed out elsewhere may already be gone; signing out again is not an error.
  async deleteSession(sessionToken) {
    await db.session.deleteMany({ where: { sessionToken } });
    return null;
  },
  async createAuthenticator(authenticator) {
    // The default name, in the language of the person adding it (they can rename it).
    const [userAgent, locale] = await Promise.all([requestUserAgent(), currentLocale()]);
    const device = describeUserAgent(userAgent, locale);
    const t = translator(locale);
    const name = device ? t("security.passkeyOn", { device }) : t("security.passkeyDefault");
    const row = await db.authenticator.create({ data: { ...authenticator, name } });
    await recordActivity(authenticator.userId, "passkey_added", undefined, row.name ?? undefined);
    return row;
  },
  // Each passkey sign-in bumps the counter: the moment to record when it was last used.
  async updateAuthenticatorCounter(credentialID, counter) {
    return db.authenticator.update({ where: { credentialID }, data: { counter, lastUsedAt: new Date() } });
  },
};
