// The settings page's one accounts read: the list's fields, oldest first, timestamps as the instants Prisma wrote,
// the services that used each connection, never a passkey's Account row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listConnections } from "@/lib/accounts/connections";
import { db } from "@/lib/db";
import { encrypt } from "@/lib/tokens/crypto";

describe("listConnections", () => {
  // Away from UTC, as on most laptops: a timestamp read as local time would be off by hours.
  const zone = process.env.TZ;
  beforeAll(() => void (process.env.TZ = "Asia/Tokyo"));
  afterAll(() => void (zone === undefined ? delete process.env.TZ : (process.env.TZ = zone)));

  it("returns the user's connections in the order they were made, without tokens", async () => {
    const user = await db.user.create({ data: { email: "lee@example.test" } });
    const other = await db.user.create({ data: { email: "kim@example.test" } });
    const refreshedAt = new Date("2026-11-30T12:34:56.789Z");
    const first = await db.account.create({
      data: {
        userId: user.id, type: "oidc", provider: "acme", providerAccountId: "a1", username: "lee", scope: "openid api:read",
        access_token: encrypt("the-access-token", "access_token"), expires_at: Math.floor(Date.now() / 1000) + 3600, lastRefreshedAt: refreshedAt,
        createdAt: new Date("2026-11-01T00:00:00.000Z"),
      },
    });
    await db.account.create({
      data: {
        userId: user.id, type: "oidc", provider: "globex", providerAccountId: "g1", status: "needs_reconnect", lastError: "invalid_grant",
        createdAt: new Date("2026-11-02T00:00:00.000Z"),
      },
    });
    await db.account.create({ data: { userId: other.id, type: "oidc", provider: "acme", providerAccountId: "a2" } });
    // Auth.js stores a passkey as an Account row too: never a connection.
    await db.account.create({ data: { userId: user.id, type: "webauthn", provider: "passkey", providerAccountId: "cred-1" } });
    const usedAt = new Date("2026-11-29T08:15:30.250Z");
    const key = await db.serviceKey.create({ data: { name: "Nightly sync", prefix: "ca_list", hash: "x", scopes: "tokens:read" } });
    await db.serviceUsage.create({ data: { serviceKeyId: key.id, accountId: first.id, lastUsedAt: usedAt, count: 3 } });

    const list = await listConnections(user.id);
    expect(list.map((connection) => connection.provider)).toEqual(["acme", "globex"]);
    expect(list[0]).toMatchObject({
      id: first.id, username: "lee", scopes: ["openid", "api:read"], status: "active",
      connectedAt: new Date("2026-11-01T00:00:00.000Z"), lastRefreshedAt: refreshedAt, lastError: null,
    });
    expect(list[0].services).toEqual({ allowed: false, uses: [{ serviceName: "Nightly sync", lastUsedAt: usedAt, revoked: false }] });
    expect(list[1]).toMatchObject({ services: { allowed: false, uses: [] } });
    expect(list[1]).toMatchObject({ status: "needs_reconnect", lastError: "invalid_grant", expiresAt: null, lastRefreshedAt: null });
    expect(JSON.stringify(list)).not.toContain("enc:v1");
    expect(JSON.stringify(list)).not.toContain("the-access-token");
  });
});
