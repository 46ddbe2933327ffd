// Encryption keys for tokens at rest. TOKEN_ENCRYPTION_KEYS = "kid:base64key,kid:base64key", current first;
// older keys only decrypt. Without it, one key is derived from AUTH_SECRET.
import "server-only";
import { hkdfSync } from "node:crypto";

export interface KeyRing {
  current: { id: string; key: Buffer };
  byId: Map<string, Buffer>;
}

export function parseKeyRing(keys: string | undefined, authSecret: string): KeyRing {
  if (!keys) {
    const key = Buffer.from(hkdfSync("sha256", authSecret, "connected-accounts", "token-encryption-v1", 32));
    return { current: { id: "auth-secret", key }, byId: new Map([["auth-secret", key]]) };
  }
  const entries = keys.split(",").map((entry, index) => {
    const [id, material] = entry.trim().split(":");
    const key = Buffer.from(material ?? "", "base64");
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      throw new Error(`Invalid environment: TOKEN_ENCRYPTION_KEYS entry ${index + 1} must be "<id>:<32 bytes in base64>"`);
    }
    return [id, key] as const;
  });
  const ids = entries.map(([id]) => id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) throw new Error(`Invalid environment: TOKEN_ENCRYPTION_KEYS uses the key id "${repeated}" twice`);
  const [id, key] = entries[0];
  return { current: { id, key }, byId: new Map(entries) };
}
