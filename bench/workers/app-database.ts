// The worker's database access goes through the app's own Prisma client (lib/db), so in PGlite mode the
// rows it seeds live in the very database the token code reads.
import { register } from "tsx/esm/api";
import type { SqlRunner } from "@/lib/database/migrate";
import { db } from "@/lib/db";
import { seedConnectedUser } from "../../tests/support/seed";
import type { SeedCommand } from "./protocol";
import type * as AppInstance from "./app-instance";

export { db };

export const sql: SqlRunner = {
  exec: (text) => db.$executeRawUnsafe(text),
  query: async <T>(text: string, params: unknown[] = []) => ({ rows: await db.$queryRawUnsafe<T[]>(text, ...params) }),
};

export async function seed(command: SeedCommand) {
  return { kind: "seeded" as const, ...(await seedConnectedUser(sql, command)) };
}

/** Opens a connection before anything is timed. */
export async function connect(): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1");
}

/**
 * `count` independent copies of the app's token modules. The first is a plain import; each further one
 * is loaded in its own tsx namespace, which gives it fresh module instances (like vi.resetModules) — its
 * own single-flight map and discovery cache. The Prisma client is shared through globalThis (lib/db.ts).
 */
export async function loadInstances(count: number): Promise<Array<typeof AppInstance>> {
  const instances: Array<typeof AppInstance> = [await import("./app-instance")];
  for (let index = 1; index < count; index++) {
    const scoped = register({ namespace: `bench-instance-${index}` });
    instances.push((await scoped.import("./app-instance.ts", import.meta.url)) as typeof AppInstance);
  }
  await Promise.all(instances.map((instance) => instance.warmUp()));
  return instances;
}
