// Auth.js's Prisma adapter, with provider tokens encrypted before they reach the database and the
// session read in one statement (the stock adapter's `include: { user }` costs Prisma two).
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import { queryRows } from "@/lib/database/raw-query";
import { db } from "@/lib/db";
import { tokenColumns } from "@/lib/tokens/columns";

// @auth/prisma-adapter is typed against the default @prisma/client output; ours is generated into lib/.
const prismaAdapter = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);

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

type SessionRow = AdapterSession & Omit<AdapterUser, "id"> & { id: string };

/**
 * The session and its user in one statement, on every request that needs a session (see
 * lib/database/raw-query.ts for why it skips Prisma). Only the columns the header, the pages and Auth.js use.
 */
export async function getSessionAndUser(sessionToken: string) {
  const [row] = await queryRows<SessionRow>(
    `SELECT s."sessionToken", s."userId", s."expires" AT TIME ZONE 'UTC' AS "expires",
       u."id", u."name", u."email", u."emailVerified" AT TIME ZONE 'UTC' AS "emailVerified", u."image"
     FROM "Session" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."sessionToken" = $1`,
    [sessionToken],
  );
  if (!row) return null;
  const { sessionToken: token, userId, expires, ...user } = row;
  return { session: { sessionToken: token, userId, expires }, user: user as AdapterUser };
}

export const authAdapter: Adapter = {
  ...prismaAdapter,
  getSessionAndUser,
  async linkAccount(account) {
    await db.account.create({ data: accountRow(account) });
  },
};
