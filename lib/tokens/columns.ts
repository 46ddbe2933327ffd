// The one place that turns a provider's token response into Account columns (encrypted) and back.
import "server-only";
import { decrypt, encrypt } from "./crypto";

export interface TokenSet {
  access_token?: string | null;
  refresh_token?: string | null;
  id_token?: string | null;
  expires_at?: number | null;
  scope?: string | null;
  token_type?: string | null;
}

const secretFields = ["access_token", "refresh_token", "id_token"] as const;
type SecretField = (typeof secretFields)[number];

/** Columns to write for a fresh token set. A missing refresh token keeps the stored one (providers often omit it). */
export function tokenColumns(tokens: TokenSet) {
  const columns: Partial<Record<SecretField, string>> & {
    expires_at: number | null;
    accessTokenIssuedAt: Date;
    scope?: string;
    token_type?: string;
  } = { expires_at: tokens.expires_at ?? null, accessTokenIssuedAt: new Date() };
  for (const field of secretFields) {
    const value = tokens[field];
    if (value) columns[field] = encrypt(value, field);
  }
  if (tokens.scope) columns.scope = normalizeScope(tokens.scope);
  if (tokens.token_type) columns.token_type = tokens.token_type;
  return columns;
}

/** Providers separate scopes by spaces (RFC 6749) or commas (GitHub). */
export function normalizeScope(scope: string): string {
  return [...new Set(scope.split(/[\s,]+/).filter(Boolean))].join(" ");
}

export function readSecret(stored: string | null, field: SecretField) {
  return stored == null ? null : decrypt(stored, field);
}
