const isDev = process.env.NODE_ENV !== "production";

// No third-party origins: every script, style and image comes from this app (provider avatars are https).
// Next.js inlines its bootstrap scripts, hence 'unsafe-inline' for scripts; dev mode also needs eval and websockets.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // No page leaks its URL (OAuth codes, state) to another site.
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Tests build into their own folder so they never clash with a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Bench only (see auth.ts): fixed at build time so a built app can never be switched to JWT sessions.
  env: { BENCH_SESSION_STRATEGY: process.env.BENCH_SESSION_STRATEGY === "jwt" ? "jwt" : "" },
  // Dev request logs would print OAuth callback URLs, authorization codes included.
  logging: { incomingRequests: { ignore: [/\/api\/auth\//] } },
  // Packages that read their own files at run time must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "oidc-provider"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
