// "Chrome on Linux" from a User-Agent header (ua-parser-js), for the session and passkey lists.
import { UAParser } from "ua-parser-js";

export async function requestUserAgent(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get("user-agent")?.slice(0, 512) ?? null;
  } catch {
    return null; // outside a request (scripts, tests)
  }
}

export function describeUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const { browser, os } = UAParser(userAgent);
  if (!browser.name && !os.name) return null;
  return [browser.name ?? "Unknown browser", os.name].filter(Boolean).join(" on ");
}
