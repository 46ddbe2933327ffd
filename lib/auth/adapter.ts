import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { db } from "@/lib/db";

// @auth/prisma-adapter is typed against the default @prisma/client output; ours is generated into lib/.
export const authAdapter: Adapter = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
