// The Content-Security-Policy of every page, with a nonce made afresh for each request (proxy.ts). Next.js reads
// the nonce from this header on the request and puts it on every script it renders, its inline RSC payload
// included; a script injected into a page has no nonce and does not run. 'strict-dynamic' lets the nonce'd
// scripts load Next.js's chunks. Styles keep 'unsafe-inline': React writes style attributes. No form-action:
// sign-in forms post here and are redirected to the provider, which form-action would block.
// No third-party origins: every script, style and image comes from this app (provider avatars are https).

/** A fresh nonce: 128 random bits. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function pageContentSecurityPolicy(nonce: string, development = process.env.NODE_ENV !== "production"): string {
  return [
    "default-src 'self'",
    // Development also needs eval (React's debugging) and websockets (hot reload).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
