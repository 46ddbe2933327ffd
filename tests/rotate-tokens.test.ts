// Keys: `npm run tokens:rotate` (lib/tokens/rotate.ts) re-encrypts every row under the current key,
// resumably; a token whose key is gone makes its connection "needs reconnect" instead of a 500.
import { beforeAll, describe, expect, it } from "vitest";

const key = (fill: number) => Buffer.alloc(32, fill).toString("base64");
const OLD = `old:${key(1)}`;
const NEW = `new:${key(2)}`;
const GONE = `gone:${key(3)}`;

let app: {
  db: typeof import("@/lib/db").db;
  crypto: typeof import("@/lib/tokens/crypto");
  keys: typeof import("@/lib/tokens/keys");
  rotate: typeof import("@/lib/tokens/rotate");
  connections: typeof import("@/lib/accounts/connections");
  adapter: typeof import("@/lib/auth/adapter");
};

beforeAll(async () => {
  process.env.TOKEN_ENCRYPTION_KEYS = `${NEW},${OLD}`; // read once, when lib/env loads
  const [{ db }, crypto, keys, rotate, connections, adapter] = await Promise.all([
    import("@/lib/db"), import("@/lib/tokens/crypto"), import("@/lib/tokens/keys"), import("@/lib/tokens/rotate"),
    import("@/lib/accounts/connections"), import("@/lib/auth/adapter"),
  ]);
  app = { db, crypto, keys, rotate, connections, adapter };
  await db.account.count();
});

let n = 0;
async function accountUnder(keyList: string) {
  const id = ++n;
  const tokens = { access_token: `at-${id}`, refresh_token: `rt-${id}` };
  const ring = app.keys.parseKeyRing(keyList, "unused");
  const user = await app.db.user.create({ data: { email: `rot${id}@example.test` } });
  const account = await app.db.account.create({
    data: {
      userId: user.id, type: "oidc", provider: "acme", providerAccountId: `rot-${id}`, expires_at: 2_000_000_000,
      access_token: app.crypto.encrypt(tokens.access_token, "access_token", ring),
      refresh_token: app.crypto.encrypt(tokens.refresh_token, "refresh_token", ring),
    },
  });
  return { user, account, tokens };
}

describe("tokens:rotate", () => {
  it("re-encrypts every account and pending link under the current key; a rerun finds nothing left; progress is reported", async () => {
    const old = await Promise.all([accountUnder(OLD), accountUnder(OLD), accountUnder(OLD)]);
    const current = await accountUnder(NEW);
    const gone = await accountUnder(GONE);
    await app.db.pendingLink.create({
      data: {
        id: "rot-link", userId: current.user.id, email: "x@example.test", provider: "acme", providerAccountId: "p",
        payload: app.crypto.encrypt('{"refresh_token":"parked"}', "pending_link", app.keys.parseKeyRing(OLD, "unused")),
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    // Before rotation the page already tells the truth about the row whose key is gone.
    expect((await app.connections.listConnections(gone.user.id))[0].status).toBe("needs_reconnect");

    const lines: string[] = [];
    const accounts = await app.rotate.rotateAccountTokens((t) => lines.push(`${t.checked}/${t.total}`));
    const links = await app.rotate.rotatePendingLinks(() => undefined);
    expect(accounts).toMatchObject({ reencrypted: 3, undecryptable: 1 });
    expect(accounts.checked).toBe(accounts.total);
    expect(links).toMatchObject({ reencrypted: 1, undecryptable: 0 });
    expect(lines.at(-1)).toBe(`${accounts.total}/${accounts.total}`);

    for (const { account, tokens } of [...old, current]) {
      const row = await app.db.account.findUniqueOrThrow({ where: { id: account.id } });
      expect(row.access_token).toMatch(/^enc:v1:new:/);
      expect(row.refresh_token).toMatch(/^enc:v1:new:/);
      // Readable with the current key alone: the old one can now be removed.
      const onlyNew = app.keys.parseKeyRing(NEW, "unused");
      expect(app.crypto.decrypt(row.refresh_token!, "refresh_token", onlyNew).value).toBe(tokens.refresh_token);
    }
    const link = await app.db.pendingLink.findUniqueOrThrow({ where: { id: "rot-link" } });
    expect(app.crypto.decrypt(link.payload, "pending_link", app.keys.parseKeyRing(NEW, "unused")).value).toContain("parked");
    expect((await app.db.account.findUniqueOrThrow({ where: { id: gone.account.id } })).status).toBe("needs_reconnect");

    // Resumable: a second run (or one after an interruption) rewrites nothing already done.
    expect(await app.rotate.rotateAccountTokens(() => undefined)).toMatchObject({ reencrypted: 0 });
  });

  it("the adapter's getAccount returns decrypted tokens (undefined when the key is gone)", async () => {
    const { account, tokens } = await accountUnder(OLD);
    const found = await app.adapter.getAccount(account.providerAccountId, "acme");
    expect(found).toMatchObject({ provider: "acme", access_token: tokens.access_token, refresh_token: tokens.refresh_token });
    const lost = await accountUnder(GONE);
    expect((await app.adapter.getAccount(lost.account.providerAccountId, "acme"))?.access_token).toBeUndefined();
    expect(await app.adapter.getAccount("nobody", "acme")).toBeNull();
  });
});
