// The Prisma client, one per process (Next.js dev reloads modules, so it lives on globalThis).
import "server-only";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";
import { pgliteAdapter, postgresAdapter } from "./database/connect";

function createClient() {
  const adapter = env.DATABASE_URL ? postgresAdapter(env.DATABASE_URL, env.DATABASE_POOL_MAX) : pgliteAdapter(env.PGLITE_DATA_DIR);
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as typeof globalThis & { db?: PrismaClient };

export const db: PrismaClient = (globalForDb.db ??= createClient());
