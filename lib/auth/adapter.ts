// Auth.js's Prisma adapter, with provider tokens encrypted before they reach the database.
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
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

export const authAdapter: Adapter = {
  ...prismaAdapter,
  async linkAccount(account) {
    await db.account.create({ data: accountRow(account) });
  },
};
