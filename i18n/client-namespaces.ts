// The message namespaces client components translate with useTranslations(): only these are sent to the
// browser with every page (all of them were 16 KB of each page's HTML in English, more in Japanese).
// tests/client-namespaces.test.ts fails when a client component uses a namespace missing here.
export const CLIENT_NAMESPACES = ["accounts", "confirm", "dialog", "errors", "security", "settings", "signIn"] as const;

export function clientMessages(messages: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]]));
}
