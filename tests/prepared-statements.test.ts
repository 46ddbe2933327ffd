// The hot reads use named prepared statements on PostgreSQL, and fall back to unnamed ones behind a
// transaction-mode pooler that cannot keep them (lib/database/raw-query.ts). PostgreSQL only; the pooler part
// also needs Debian's PgBouncer (1.18, which has no prepared-statement support).
import { existsSync } from "node:fs";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { postgresConfig } from "@/lib/database/connect";
import { postgresQuery } from "@/lib/database/raw-query";
import { PGBOUNCER, startPgBouncer } from "../e2e/support/pgbouncer";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  vi.restoreAllMocks();
});

function openPool(url: string, max: number) {
  const pool = new pg.Pool(postgresConfig(url, max).pool);
  closers.push(() => pool.end());
  return pool;
}

describe.skipIf(!onPostgres)("prepared statements", () => {
  it("are prepared once per connection under a name, then only bound", async () => {
    const pool = openPool(process.env.DATABASE_URL!, 1);
    for (const n of [1, 2, 3]) {
      expect((await postgresQuery(pool, "SELECT $1::int + 1 AS next", [n])).rows).toEqual([{ next: n + 1 }]);
    }
    const { rows } = await pool.query("SELECT name, statement FROM pg_prepared_statements");
    expect(rows).toEqual([{ name: expect.stringMatching(/^q_[0-9a-f]{24}$/), statement: "SELECT $1::int + 1 AS next" }]);
  });

  it.skipIf(!existsSync(PGBOUNCER))("behind PgBouncer in transaction mode fall back to unnamed statements, and no query fails", async () => {
    const pooler = await startPgBouncer(process.env.DATABASE_URL!, 2);
    closers.push(() => pooler.stop());
    // Six client connections over two server connections: some must land where their statement is not.
    const pool = openPool(pooler.url, 6);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const statements = ["SELECT $1::int AS n", "SELECT $1::int * 2 AS n"];
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) => postgresQuery(pool, statements[i % 2], [i]).then((result) => result.rows[0].n)),
    );
    expect(answers).toEqual(Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? i : i * 2)));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/sent unnamed from now on/);
    // From then on this pool sends statements unnamed (as text), never as a named statement.
    const query = vi.spyOn(pool, "query");
    await Promise.all(Array.from({ length: 20 }, (_, i) => postgresQuery(pool, statements[i % 2], [i])));
    expect(query.mock.calls.map(([statement]) => typeof statement)).toEqual(Array(20).fill("string"));
  });
});
