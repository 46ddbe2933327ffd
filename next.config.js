import createNextIntlPlugin from "next-intl/plugin";

// Pages get their Content-Security-Policy from proxy.ts, with a fresh script nonce per request
// (lib/http/content-security-policy.ts). Everything proxy.ts does not see — route handlers' JSON, static files —
// is never a page: it may run and frame nothing.
const noPagePolicy = "default-src 'none'; frame-ancestors 'none'";

const securityHeaders = [
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
  // No Next.js badge in the corner of development pages (and of screenshots taken from them).
  devIndicators: false,
  // Bench only (see auth.ts): fixed at build time so a built app can never be switched to JWT sessions.
  env: { BENCH_SESSION_STRATEGY: process.env.BENCH_SESSION_STRATEGY === "jwt" ? "jwt" : "" },
  // Dev request logs would print OAuth callback URLs, authorization codes included.
  logging: { incomingRequests: { ignore: [/\/api\/auth\//] } },
  // Packages that read their own files at run time must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "oidc-provider"],
  // Production functions carry only what they load. The generated Prisma client imports the PostgreSQL query
  // compiler alone, but tracing picks up the whole runtime folder (60 MB: engines and compilers for five
  // databases, source maps); PGlite (20 MB) is imported only when DATABASE_URL is unset, which production
  // refuses. `e2e/function-size.test.ts` fails when a route's trace grows past 20 MB.
  outputFileTracingExcludes: {
    "/**": [
      "node_modules/@electric-sql/pglite/**",
      "node_modules/pglite-prisma-adapter/**",
      "node_modules/@prisma/client/runtime/query_engine_bg.*",
      "node_modules/@prisma/client/runtime/query_compiler_bg.{cockroachdb,mysql,sqlite,sqlserver}.*",
      "node_modules/@prisma/client/runtime/query_compiler_bg.postgresql.{js,wasm-base64.js}",
      "node_modules/@prisma/client/runtime/{binary,library,edge,edge-esm,react-native,wasm-compiler-edge,wasm-engine-edge,index-browser}.*",
      "node_modules/@prisma/client/runtime/*.map",
      "node_modules/prisma/**",
      "node_modules/@prisma/engines/**",
    ],
  },
  experimental: {
    // Server actions never carry more than a few kilobytes; proxy.ts refuses larger bodies with 413 first.
    serverActions: { bodySizeLimit: "64kb" },
    // Next copies a body for proxy.ts up to this size; twice the 64 KB limit so proxy.ts can see it exceeded.
    proxyClientMaxBodySize: "128kb",
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The paths proxy.ts's matcher leaves out.
      ...["/api/:path*", "/_next/:path*", "/favicon.ico", "/icon.svg"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: noPagePolicy }],
      })),
    ];
  },
};

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  // ICU messages parsed at build time, not on every request (they were ~6 % of the settings page's server CPU).
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(nextConfig);
