// AES-256-GCM for tokens at rest. A stored value is "enc:v1:<key id>:<iv>:<ciphertext>:<tag>" (base64url),
// bound to its column name so a ciphertext cannot be moved into another column.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "../env";
import { parseKeyRing, type KeyRing } from "./keys";

const PREFIX = "enc:v1:";
const TAG_BYTES = 16;

let ring: KeyRing | undefined;
const keyRing = () => (ring ??= parseKeyRing(env.TOKEN_ENCRYPTION_KEYS, env.AUTH_SECRET));

export function encrypt(plaintext: string, field: string, keys: KeyRing = keyRing()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.current.key, iv);
  cipher.setAAD(Buffer.from(field));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, body, cipher.getAuthTag()].map((part) => part.toString("base64url"));
  return `${PREFIX}${keys.current.id}:${parts.join(":")}`;
}

export interface Decrypted {
  value: string;
  /** Stored in plain text (from before encryption) or under an older key: write it back re-encrypted. */
  stale: boolean;
}

/** Needs re-encrypting (plain text, or an older key)? Answered without decrypting. */
export function isStale(stored: string, keys: KeyRing = keyRing()): boolean {
  return !stored.startsWith(`${PREFIX}${keys.current.id}:`);
}

/** Is the value's key configured? Answered without decrypting: a value whose key is gone is unusable. */
export function hasKeyFor(stored: string, keys: KeyRing = keyRing()): boolean {
  if (!stored.startsWith(PREFIX)) return true;
  return keys.byId.has(stored.slice(PREFIX.length).split(":")[0]);
}

export function decrypt(stored: string, field: string, keys: KeyRing = keyRing()): Decrypted {
  if (!stored.startsWith(PREFIX)) return { value: stored, stale: true };
  const [keyId, iv, body, tag] = stored.slice(PREFIX.length).split(":");
  const key = keys.byId.get(keyId);
  const authTag = Buffer.from(tag ?? "", "base64url");
  // A full 16-byte tag only: GCM would otherwise accept a truncated one, which is far easier to forge.
  if (!key || !iv || body === undefined || authTag.length !== TAG_BYTES) {
    throw new Error(`Cannot decrypt a stored ${field}: unknown key or malformed value`);
  }
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(field));
  decipher.setAuthTag(authTag);
  const value = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  return { value, stale: keyId !== keys.current.id };
}

