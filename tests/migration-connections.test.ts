// The connections migration upgrades a database of the previous schema without losing rows: migrate a fresh
// database up to the migration before it, seed rows the old app wrote, apply it, and read every row back.
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { listMigrations } from "@/lib/database/migrate";

const MIGRATION = "20261130100000_connections";

describe(`migration ${MIGRATION}`, () => {
  it("keeps every user, account (tokens included), session and pending link; existing accounts keep signing in", async () => {
    const db = new PGlite();
    const migrations = listMigrations();
    const index = migrations.findIndex((migration) => migration.name === MIGRATION);
    expect(index).toBeGreaterThan(0);
    for (const migration of migrations.slice(0, index)) await db.exec(migration.sql);

    await db.exec(`
      INSERT INTO "User" ("id", "email", "updatedAt") VALUES ('u1', 'ann@example.test', now()), ('u2', 'bob@example.test', now());
      INSERT INTO "Account" ("id", "userId", "type", "provider", "providerAccountId", "access_token", "refresh_token", "scope",
        "username", "status", "version", "updatedAt")
      VALUES ('a1', 'u1', 'oidc', 'acme', 'ann', 'enc:v1:k:iv:ct:tag', 'enc:v1:k:iv:rt:tag', 'openid email', 'ann', 'active', 3, now()),
             ('a2', 'u1', 'oidc', 'globex', 'ann-globex', NULL, NULL, NULL, 'ann-globex', 'needs_reconnect', 1, now()),
             ('a3', 'u2', 'oauth', 'github', '42', NULL, NULL, 'read:user', 'bob', 'active', 0, now());
      INSERT INTO "Session" ("sessionToken", "userId", "expires", "updatedAt") VALUES ('s1', 'u1', now() + interval '1 day', now());
      INSERT INTO "PendingLink" ("id", "userId", "provider", "providerAccountId", "payload", "email", "expiresAt")
        VALUES ('p1', 'u2', 'globex', 'bob-globex', 'enc:v1:k:iv:pl:tag', 'bob@example.test', now() + interval '10 minutes');
    `);
    const before = await db.query(`SELECT * FROM "Account" ORDER BY "id"`);

    await db.exec(migrations[index].sql);

    const after = await db.query<Record<string, unknown>>(`SELECT * FROM "Account" ORDER BY "id"`);
    expect(after.rows).toHaveLength(3);
    after.rows.forEach((row, i) => {
      expect(row).toEqual({ ...(before.rows[i] as Record<string, unknown>), label: null, signInEnabled: true });
    });
    for (const [table, count] of [["User", 2], ["Session", 1], ["PendingLink", 1]] as const) {
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
      expect(rows[0].n, table).toBe(count);
    }
    // Several accounts of one provider per user are allowed; one provider account still belongs to one user.
    await db.exec(`INSERT INTO "Account" ("id", "userId", "type", "provider", "providerAccountId", "updatedAt")
      VALUES ('a4', 'u1', 'oidc', 'acme', 'ann-work', now())`);
    await expect(
      db.exec(`INSERT INTO "Account" ("id", "userId", "type", "provider", "providerAccountId", "updatedAt")
        VALUES ('a5', 'u2', 'oidc', 'acme', 'ann-work', now())`),
    ).rejects.toThrow();
    await db.close();
    // Starting an embedded PostgreSQL takes a while on a loaded machine; the assertions above are what matter.
  }, 180_000);
});
