// Session and accounts reads asked for at the same moment share one statement (lib/database/batched-reads.ts):
// each caller still gets exactly its own rows, a session signed out before the read is refused, and on
// PostgreSQL the whole batch is one query on one pooled connection.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { listConnections } from "@/lib/accounts/connections";
import { authAdapter } from "@/lib/auth/adapter";
import { findSession } from "@/lib/auth/read-session";
import { postgresPool } from "@/lib/database/connect";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

async function signedIn(name: string) {
  const user = await db.user.create({ data: { email: `${name}@example.test`, name } });
  const sessionToken = `tok-${name}-${user.id}`;
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
  return { user, sessionToken };
}

/** What `run` returns and, on PostgreSQL, how many connections the app's pool handed out meanwhile (one per statement). */
async function withCheckouts<T>(run: () => Promise<T>): Promise<{ result: T; checkouts?: number }> {
  if (!onPostgres) return { result: await run() };
  const pool = postgresPool(env.DATABASE_URL!, env.DATABASE_POOL_MAX);
  let checkouts = 0;
  const count = () => void checkouts++;
  pool.on("acquire", count);
  try {
    return { result: await run(), checkouts };
  } finally {
    pool.off("acquire", count);
  }
}

describe("reads made at the same moment", () => {
  it("give every session read its own person, and refuse one signed out before it", async () => {
    const [ana, bo, gone] = await Promise.all([signedIn("ana"), signedIn("bo"), signedIn("gone")]);
    await authAdapter.deleteSession!(gone.sessionToken);

    const read = () => Promise.all([ana, bo, gone, ana, { sessionToken: "no-such-token" }].map(({ sessionToken }) => findSession(sessionToken)));
    const sessions = await withCheckouts(read);

    expect(sessions.result.map((session) => session?.user.name ?? null)).toEqual(["ana", "bo", null, "ana", null]);
    expect(sessions.result[1]?.user).toEqual({ id: bo.user.id, name: "bo", email: "bo@example.test", image: null });
    if (onPostgres) expect(sessions.checkouts).toBe(1);
  });

  it("give every accounts list only its own person's connections", async () => {
    const [ana, bo, cy] = await Promise.all(["ana2", "bo2", "cy2"].map((name) => db.user.create({ data: { email: `${name}@example.test` } })));
    await db.account.create({ data: { userId: ana.id, type: "oidc", provider: "acme", providerAccountId: "ana-1", username: "ana-acme" } });
    await db.account.create({ data: { userId: bo.id, type: "oidc", provider: "acme", providerAccountId: "bo-1", username: "bo-acme" } });
    await db.account.create({ data: { userId: ana.id, type: "oidc", provider: "globex", providerAccountId: "ana-2", username: "ana-globex" } });

    const read = () => Promise.all([ana, bo, cy, ana].map((user) => listConnections(user.id)));
    const lists = await withCheckouts(read);

    expect(lists.result.map((list) => list.map((connection) => connection.username))).toEqual([
      ["ana-acme", "ana-globex"], ["bo-acme"], [], ["ana-acme", "ana-globex"],
    ]);
    if (onPostgres) expect(lists.checkouts).toBe(1);
  });

  it("move each stale session's last-active time once, and leave fresh ones alone", async () => {
    const [stale, otherStale, fresh] = await Promise.all([signedIn("stale"), signedIn("stale2"), signedIn("fresh")]);
    const longAgo = new Date(Date.now() - 3_600_000);
    await db.session.updateMany({ where: { sessionToken: { in: [stale.sessionToken, otherStale.sessionToken] } }, data: { lastActiveAt: longAgo } });
    const freshBefore = await db.session.findUniqueOrThrow({ where: { sessionToken: fresh.sessionToken } });

    await Promise.all([stale, otherStale, fresh, stale].map(({ sessionToken }) => findSession(sessionToken)));

    const after = await db.session.findMany({ where: { sessionToken: { in: [stale.sessionToken, otherStale.sessionToken] } } });
    expect(after.map((session) => session.lastActiveAt.getTime() > longAgo.getTime() + 60_000)).toEqual([true, true]);
    expect((await db.session.findUniqueOrThrow({ where: { sessionToken: fresh.sessionToken } })).lastActiveAt).toEqual(freshBefore.lastActiveAt);
  });

  // Another transaction writing the session row (signing it out, or another batch touching it) must not hold up
  // every page of that person, nor deadlock with a batch that touches the same rows in another order.
  it.runIf(onPostgres)("do not wait for a session row another transaction holds", async () => {
    const held = await signedIn("held");
    await db.session.update({ where: { sessionToken: held.sessionToken }, data: { lastActiveAt: new Date(Date.now() - 3_600_000) } });
    const other = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await other.connect();
    try {
      const schema = new URL(env.DATABASE_URL!).searchParams.get("schema");
      await other.query("BEGIN");
      await other.query(`SELECT 1 FROM "${schema}"."Session" WHERE "sessionToken" = $1 FOR UPDATE`, [held.sessionToken]);

      expect((await findSession(held.sessionToken))?.user.name).toBe("held");
    } finally {
      await other.query("ROLLBACK");
      await other.end();
    }
  });
});
