// The one expiry margin: the settings page's health and the token path (withProviderToken) both ask
// here, so "Expiring soon" on the page means exactly "the next use refreshes first".

export const EXPIRY_MARGIN_SECONDS = 60;

export type ExpiryState = "valid" | "expiring" | "expired";

/**
 * `expiresAt` in epoch seconds (null: never expires). Within a minute of expiry — or, for tokens that live
 * only minutes, within a quarter of their lifetime — a token is "expiring"; past it, "expired".
 */
export function expiryState(expiresAt: number | null, issuedAt: Date | null, nowMs = Date.now()): ExpiryState {
  if (expiresAt === null) return "valid";
  const now = nowMs / 1000;
  if (expiresAt <= now) return "expired";
  const lifetime = issuedAt ? expiresAt - issuedAt.getTime() / 1000 : Infinity;
  const margin = Math.min(EXPIRY_MARGIN_SECONDS, lifetime / 4);
  return expiresAt - now < margin ? "expiring" : "valid";
}

/** The token path refreshes before using a token that is expiring or expired. */
export const needsRefresh = (expiresAt: number | null, issuedAt: Date | null, nowMs = Date.now()) =>
  expiryState(expiresAt, issuedAt, nowMs) !== "valid";
