// Tokens at rest: lib/tokens/crypto.ts (AES-256-GCM bound to the column name), lib/tokens/keys.ts
// (the TOKEN_ENCRYPTION_KEYS key ring) and lib/tokens/columns.ts (provider token set -> Account columns).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decrypt, encrypt } from "@/lib/tokens/crypto";
import { parseKeyRing } from "@/lib/tokens/keys";
import { normalizeScope, readSecret, tokenColumns } from "@/lib/tokens/columns";

const SECRET = "another-auth-secret-that-is-long-enough";
const key = () => randomBytes(32).toString("base64");
const TOKEN = "ya29.a0AfH6SMC-access-token-with-ünïcödé-and-🔑";

/** Rewrites one part of "enc:v1:<key id>:<iv>:<ciphertext>:<tag>". */
function withPart(stored: string, index: 0 | 1 | 2 | 3, change: (part: string) => string) {
  const parts = stored.slice("enc:v1:".length).split(":");
  parts[index] = change(parts[index]);
  return `enc:v1:${parts.join(":")}`;
}
const flipFirstByte = (b64url: string) => {
  const bytes = Buffer.from(b64url, "base64url");
  bytes[0] ^= 0x01;
  return bytes.toString("base64url");
};

describe("encrypt / decrypt", () => {
  it("round-trips, with the key derived from AUTH_SECRET and with an explicit key ring", () => {
    const ring = parseKeyRing(`k1:${key()}`, SECRET);
    for (const value of [TOKEN, "x", "a".repeat(10_000), "with:colons:and enc:v1: inside"]) {
      expect(decrypt(encrypt(value, "access_token"), "access_token")).toEqual({ value, stale: false });
      expect(decrypt(encrypt(value, "refresh_token", ring), "refresh_token", ring)).toEqual({ value, stale: false });
    }
  });

  it("derives the same key from the same AUTH_SECRET, and a different one from another secret", () => {
    const stored = encrypt(TOKEN, "id_token", parseKeyRing(undefined, SECRET));
    expect(decrypt(stored, "id_token", parseKeyRing(undefined, SECRET))).toEqual({ value: TOKEN, stale: false });
    expect(() => decrypt(stored, "id_token", parseKeyRing(undefined, `${SECRET}-rotated`))).toThrow();
  });

  it("produces a different ciphertext every time, never containing the plaintext", () => {
    const values = Array.from({ length: 20 }, () => encrypt(TOKEN, "access_token"));
    expect(new Set(values).size).toBe(values.length);
    for (const stored of values) {
      expect(stored).toMatch(/^enc:v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
      for (const encoding of ["utf8", "base64", "base64url", "hex"] as const) {
        expect(stored).not.toContain(Buffer.from(TOKEN).toString(encoding).slice(0, 12));
      }
    }
    // A fresh IV each time: the same plaintext never yields the same ciphertext body.
    expect(new Set(values.map((stored) => stored.split(":")[4])).size).toBe(values.length);
  });

  it("binds a value to its column: encrypted as one field, it fails to decrypt as another", () => {
    const fields = ["access_token", "refresh_token", "id_token", "pending_link"];
    for (const from of fields) {
      const stored = encrypt(TOKEN, from);
      for (const to of fields.filter((field) => field !== from)) expect(() => decrypt(stored, to), `${from} as ${to}`).toThrow();
    }
  });

  it("detects tampering with the IV, the ciphertext, the tag or the key id", () => {
    const ring = parseKeyRing(`a:${key()},b:${key()}`, SECRET);
    const stored = encrypt(TOKEN, "refresh_token", ring);
    const tampered = [
      withPart(stored, 1, flipFirstByte), // IV
      withPart(stored, 2, flipFirstByte), // ciphertext
      withPart(stored, 3, flipFirstByte), // tag
      withPart(stored, 0, () => "b"), // another key of the ring
      withPart(stored, 0, () => "unknown"),
      withPart(stored, 3, () => ""), // tag removed
      withPart(stored, 2, (body) => body.slice(0, -2)), // ciphertext truncated
      stored.split(":").slice(0, 5).join(":"), // last part dropped
    ];
    for (const value of tampered) expect(() => decrypt(value, "refresh_token", ring), value).toThrow();
  });

  // Regression: without authTagLength, GCM accepts a tag cut to 4 bytes (a 32-bit forgery).
  it("rejects a shortened authentication tag", () => {
    const stored = encrypt(TOKEN, "access_token");
    for (const bytes of [4, 8, 12, 15]) {
      const shortened = withPart(stored, 3, (tag) => Buffer.from(tag, "base64url").subarray(0, bytes).toString("base64url"));
      expect(() => decrypt(shortened, "access_token"), `${bytes}-byte tag`).toThrow();
    }
  });

  it("reads plain-text values stored before encryption as stale, so they get re-encrypted", () => {
    for (const legacy of ["gho_16C7e42F292c6912E7710c838347Ae178B4a", "ya29.legacy-token"]) {
      expect(decrypt(legacy, "access_token")).toEqual({ value: legacy, stale: true });
      expect(readSecret(legacy, "refresh_token")).toEqual({ value: legacy, stale: true });
    }
  });
});

describe("key rotation (TOKEN_ENCRYPTION_KEYS)", () => {
  const oldKey = key();
  const newKey = key();

  it("decrypts values under an older key as stale and values under the current key as fresh; encrypts with the current key", () => {
    const before = parseKeyRing(`old:${oldKey}`, SECRET);
    const after = parseKeyRing(`new:${newKey},old:${oldKey}`, SECRET);
    expect(after.current.id).toBe("new");

    const underOld = encrypt(TOKEN, "refresh_token", before);
    expect(underOld.startsWith("enc:v1:old:")).toBe(true);
    expect(decrypt(underOld, "refresh_token", before)).toEqual({ value: TOKEN, stale: false });
    expect(decrypt(underOld, "refresh_token", after)).toEqual({ value: TOKEN, stale: true });

    const underNew = encrypt(TOKEN, "refresh_token", after);
    expect(underNew.startsWith("enc:v1:new:")).toBe(true);
    expect(decrypt(underNew, "refresh_token", after)).toEqual({ value: TOKEN, stale: false });
    // The old ring never had the new key; a ring without the old key can no longer read old values.
    expect(() => decrypt(underNew, "refresh_token", before)).toThrow();
    expect(() => decrypt(underOld, "refresh_token", parseKeyRing(`new:${newKey}`, SECRET))).toThrow();
  });

  it("accepts spaces around entries", () => {
    const ring = parseKeyRing(` new:${newKey} , old:${oldKey} `, SECRET);
    expect(ring.current.id).toBe("new");
    expect([...ring.byId.keys()]).toEqual(["new", "old"]);
  });

  it("rejects bad entries with one line naming TOKEN_ENCRYPTION_KEYS and the entry, without echoing key material", () => {
    const short = randomBytes(16).toString("base64");
    const long = randomBytes(33).toString("base64");
    const cases: [string, number][] = [
      ["nocolon", 1],
      ["k1:", 1],
      [`k1:${short}`, 1],
      [`k1:${long}`, 1],
      [`:${newKey}`, 1],
      [`bad id:${newKey}`, 1],
      [`bad!:${newKey}`, 1],
      [`${"x".repeat(33)}:${newKey}`, 1],
      [`ok:${newKey},k2:${short}`, 2],
      [`ok:${newKey},,old:${oldKey}`, 2],
    ];
    for (const [value, entry] of cases) {
      let message = "";
      try {
        parseKeyRing(value, SECRET);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, value).toMatch(/TOKEN_ENCRYPTION_KEYS/);
      expect(message, value).toMatch(new RegExp(`entry ${entry}\\b`));
      expect(message, value).not.toMatch(/[\r\n]/);
      for (const material of [newKey, oldKey, short, long]) expect(message, value).not.toContain(material);
    }
  });

  // Regression: a repeated id encrypted under one key and looked up under the other.
  it("rejects a key id used twice (otherwise nothing written under it could be read back)", () => {
    const value = `k:${newKey},k:${oldKey}`;
    expect(() => parseKeyRing(value, SECRET)).toThrow(/TOKEN_ENCRYPTION_KEYS/);
  });
});

describe("tokenColumns", () => {
  it("encrypts each token for its own column and normalizes scopes", () => {
    const columns = tokenColumns({
      access_token: "at-123", refresh_token: "rt-456", id_token: "it-789", expires_at: 1_900_000_000,
      scope: "read:user,user:email", token_type: "bearer",
    });
    expect(columns).toMatchObject({ expires_at: 1_900_000_000, scope: "read:user user:email", token_type: "bearer" });
    expect(readSecret(columns.access_token!, "access_token")).toEqual({ value: "at-123", stale: false });
    expect(readSecret(columns.refresh_token!, "refresh_token")).toEqual({ value: "rt-456", stale: false });
    expect(readSecret(columns.id_token!, "id_token")).toEqual({ value: "it-789", stale: false });
    expect(() => readSecret(columns.refresh_token!, "access_token")).toThrow();
    expect(JSON.stringify(columns)).not.toMatch(/at-123|rt-456|it-789/);
  });

  it("has no refresh_token column when the response has none, so the stored one is kept", async () => {
    for (const refresh_token of [undefined, null, ""]) {
      const columns = tokenColumns({ access_token: "at-new", refresh_token, expires_at: 1_900_000_000 });
      expect("refresh_token" in columns, String(refresh_token)).toBe(false);
      expect("id_token" in columns).toBe(false);
      expect("scope" in columns).toBe(false); // a refresh without scope keeps the granted scopes too
    }
    // What that means for the Account row: an update with the new columns keeps the refresh token.
    const user = await db.user.create({ data: { email: "columns@example.test" } });
    const account = await db.account.create({
      data: {
        userId: user.id, type: "oidc", provider: "acme", providerAccountId: "columns",
        ...tokenColumns({ access_token: "at-old", refresh_token: "rt-kept", scope: "openid email", expires_at: 1 }),
      },
    });
    const updated = await db.account.update({ where: { id: account.id }, data: tokenColumns({ access_token: "at-new", expires_at: 2 }) });
    expect(updated.refresh_token).toBe(account.refresh_token);
    expect(readSecret(updated.refresh_token, "refresh_token")?.value).toBe("rt-kept");
    expect(readSecret(updated.access_token, "access_token")?.value).toBe("at-new");
    expect(updated).toMatchObject({ scope: "openid email", expires_at: 2 });
  });

  it("normalizes comma- and space-separated scopes, dropping empties and duplicates", () => {
    expect(normalizeScope("read:user,user:email")).toBe("read:user user:email");
    expect(normalizeScope("openid, email  profile,email,,")).toBe("openid email profile");
    expect(normalizeScope(" repo\tread:org\nrepo ")).toBe("repo read:org");
    expect(tokenColumns({ access_token: "a", scope: "repo,repo, user" }).scope).toBe("repo user");
  });

  it("reads a missing column as null", () => {
    expect(readSecret(null, "refresh_token")).toBeNull();
  });
});
