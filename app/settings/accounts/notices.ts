// The messages shown once on /settings/accounts after an action or an OAuth round trip: a flash (lib/flash.ts),
// never a query string, so a reload or a shared link shows nothing.
import "server-only";
import { setFlash, type FlashKey, type FlashTone } from "@/lib/flash";
import { findProvider } from "@/lib/providers";

export const ACCOUNTS_PATH = "/settings/accounts";

const tones = {
  connected: "success",
  accessUpdated: "success",
  linkCancelled: "success",
  linked: "success",
  disconnectedRevoked: "success",
  disconnectedUnsupported: "success",
  disconnectedImpossible: "error",
  disconnectedFailed: "error",
  ownedByOther: "error",
  notRequested: "error",
  differentIdentity: "error",
  notFound: "error",
  linkExpired: "error",
  linkWrongUser: "error",
} as const satisfies Partial<Record<FlashKey, FlashTone>>;

export type AccountsNotice = keyof typeof tones;
export const accountsNotices = Object.keys(tones) as AccountsNotice[];

/** Queues `notice` for the accounts page and returns its path, for redirect() or a Response. */
export async function flashAccountsNotice(notice: AccountsNotice, providerId?: string, who?: string): Promise<string> {
  // "none" selects the provider-less wording where a message has one (messages/*.json, flash.ownedByOther).
  const provider = (providerId && findProvider(providerId)?.name) || providerId || "none";
  const values: Record<string, string> = { provider: provider.slice(0, 100) };
  if (notice === "differentIdentity") values.who = who?.slice(0, 100) || "?";
  await setFlash({ key: notice, tone: tones[notice], values });
  return ACCOUNTS_PATH;
}

const camel = (code: string) => code.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

/**
 * lib/auth/sign-in-policy.ts decides with URLs ("/settings/accounts?error=owned-by-other&provider=acme"); in the
 * Auth.js callback such a URL becomes a flash and the bare page. Any other URL is returned unchanged.
 */
export async function flashFromAccountsUrl(to: string): Promise<string> {
  const url = new URL(to, "http://app.invalid");
  if (url.pathname !== ACCOUNTS_PATH) return to;
  const code = url.searchParams.get("notice") ?? url.searchParams.get("error") ?? "";
  const notice = accountsNotices.find((known) => known === camel(code));
  if (!notice) return ACCOUNTS_PATH;
  return flashAccountsNotice(notice, url.searchParams.get("provider") ?? undefined, url.searchParams.get("as") ?? undefined);
}
