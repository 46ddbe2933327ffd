import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listMigrations } from "@/lib/database/migrate";

describe("database", () => {
  it("is migrated: every migration is recorded and the Auth.js tables exist", async () => {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(listMigrations().map((m) => m.name));
    const user = await db.user.create({ data: { email: "db@example.test" } });
    await db.session.create({ data: { sessionToken: "token-1", userId: user.id, expires: new Date(Date.now() + 60_000) } });
    const session = await db.session.findUnique({ where: { sessionToken: "token-1" }, include: { user: true } });
    expect(session?.user.email).toBe("db@example.test");
  });

  it("enforces one provider account per (provider, providerAccountId)", async () => {
    const a = await db.user.create({ data: { email: "a@example.test" } });
    const b = await db.user.create({ data: { email: "b@example.test" } });
    const account = { type: "oidc", provider: "acme", providerAccountId: "alice" };
    await db.account.create({ data: { ...account, userId: a.id } });
    await expect(db.account.create({ data: { ...account, userId: b.id } })).rejects.toThrow();
  });
});
