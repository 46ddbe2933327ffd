// Keys outside services present to /api/v1. A key is shown once; the database keeps only its SHA-256 hash
// (the secret has 256 bits of entropy, so a fast hash is enough) and a public prefix to find the row.
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";

export const KEY_SCOPES = ["tokens:read", "proxy", "connections:read"] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

/** What a route knows about the service calling it: never the key itself. */
export interface ServiceIdentity {
  id: string;
  name: string;
  prefix: string;
  scopes: KeyScope[];
  /** Provider ids the key is limited to; null means every provider. */
  providers: string[] | null;
  rateLimitPerMinute: number;
}

const KEY_PATTERN = /^cak_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const PROVIDER_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export interface NewKeyInput {
  name: string;
  scopes: string[];
  providers?: string[] | null;
  rateLimitPerMinute?: number;
}

/** Checks the input the way the CLI receives it; returns one clear message for the first problem. */
export function validateKeyInput(input: NewKeyInput): string | null {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) return "--name must be 1 to 100 characters";
  if (input.scopes.length === 0) return `--scopes must list at least one of ${KEY_SCOPES.join(", ")}`;
  const unknown = input.scopes.find((scope) => !(KEY_SCOPES as readonly string[]).includes(scope));
  if (unknown) return `unknown scope "${unknown}" (use ${KEY_SCOPES.join(", ")})`;
  const badProvider = input.providers?.find((id) => !PROVIDER_ID.test(id));
  if (badProvider !== undefined) return `"${badProvider}" is not a provider id`;
  if (input.providers && input.providers.length === 0) return "--providers must list at least one provider id";
  const limit = input.rateLimitPerMinute;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 100_000)) {
    return "--rate-limit must be a whole number of requests per minute between 1 and 100000";
  }
  return null;
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key; the returned `key` is the only time the secret exists outside the caller's hands. */
export async function createServiceKey(input: NewKeyInput) {
  const problem = validateKeyInput(input);
  if (problem) throw new Error(problem);
  const prefix = randomBytes(9).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "0").slice(0, 12);
  const key = `cak_${prefix}_${randomBytes(32).toString("base64url")}`;
  const record = await db.serviceKey.create({
    data: {
      name: input.name.trim(),
      prefix,
      hash: hashKey(key),
      scopes: [...new Set(input.scopes)].join(" "),
      providers: input.providers ? [...new Set(input.providers)].join(" ") : null,
      ...(input.rateLimitPerMinute ? { rateLimitPerMinute: input.rateLimitPerMinute } : {}),
    },
    select: { id: true, name: true, prefix: true, scopes: true, providers: true, rateLimitPerMinute: true, createdAt: true },
  });
  return { key, record };
}

export function listServiceKeys() {
  return db.serviceKey.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, prefix: true, scopes: true, providers: true, rateLimitPerMinute: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** Revokes by prefix or id; the next request with the key is refused (every request reads the row). */
export async function revokeServiceKey(prefixOrId: string) {
  const key = await db.serviceKey.findFirst({ where: { OR: [{ prefix: prefixOrId }, { id: prefixOrId }] }, select: { id: true, revokedAt: true } });
  if (!key) return null;
  return db.serviceKey.update({
    where: { id: key.id },
    // Revoking twice keeps the first time.
    data: { revokedAt: key.revokedAt ?? new Date() },
    select: { id: true, name: true, prefix: true, revokedAt: true },
  });
}

/** The service a presented key belongs to, or null for a malformed, unknown or revoked key. */
export async function verifyServiceKey(presented: string): Promise<ServiceIdentity | null> {
  const match = KEY_PATTERN.exec(presented);
  if (!match) return null;
  const row = await db.serviceKey.findUnique({ where: { prefix: match[1] } });
  if (!row || row.revokedAt) return null;
  const expected = Buffer.from(row.hash, "hex");
  const actual = Buffer.from(hashKey(presented), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.split(" ").filter((scope): scope is KeyScope => (KEY_SCOPES as readonly string[]).includes(scope)),
    providers: row.providers ? row.providers.split(" ") : null,
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
}
