// The flash notice's wire format, shared by the proxy (which cannot import server-only modules) and lib/flash.ts.
// A flash is a message key plus a few short values, never HTML: it is rendered as text through the messages.
import type en from "@/messages/en.json";

export type FlashKey = Exclude<keyof (typeof en)["flash"], "dismiss">;
export type FlashTone = "success" | "error" | "info";
export interface Flash {
  key: FlashKey;
  tone: FlashTone;
  values?: Record<string, string>;
}

export const FLASH_COOKIE = "flash";
/** Request header the proxy moves a consumed flash into; any copy sent by a client is dropped. */
export const FLASH_HEADER = "x-app-flash";
/** Long enough to survive a redirect, short enough that a forgotten flash never resurfaces later. */
export const FLASH_MAX_AGE = 60;

const flashKeys: readonly FlashKey[] = [
  "cancelledAt", "connected", "accessUpdated", "linkCancelled", "linked", "disconnectedRevoked", "disconnectedUnsupported",
  "disconnectedImpossible", "disconnectedFailed", "ownedByOther", "notRequested", "differentIdentity", "notFound",
  "linkExpired", "linkWrongUser", "confirmed",
];
const tones: readonly FlashTone[] = ["success", "error", "info"];

export function encodeFlash(flash: Flash): string {
  return Buffer.from(JSON.stringify(flash)).toString("base64url");
}

/** Anything malformed, unknown or oversized reads as no flash. */
export function decodeFlash(raw: string | null | undefined): Flash | null {
  if (!raw || raw.length > 1024) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (typeof value !== "object" || value === null) return null;
    const { key, tone, values } = value as Record<string, unknown>;
    if (!flashKeys.includes(key as FlashKey) || !tones.includes(tone as FlashTone)) return null;
    const clean: Record<string, string> = {};
    if (values !== undefined) {
      if (typeof values !== "object" || values === null) return null;
      for (const [name, text] of Object.entries(values)) {
        if (typeof text !== "string" || text.length > 100 || !/^\w{1,20}$/.test(name)) return null;
        clean[name] = text;
      }
    }
    return { key: key as FlashKey, tone: tone as FlashTone, values: clean };
  } catch {
    return null;
  }
}

/** Set-Cookie value for route handlers that build their own Response. */
export function flashSetCookie(flash: Flash): string {
  return `${FLASH_COOKIE}=${encodeFlash(flash)}; Path=/; Max-Age=${FLASH_MAX_AGE}; HttpOnly; SameSite=Lax`;
}
