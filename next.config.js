/** @type {import("next").NextConfig} */
const nextConfig = {
  // Tests build into their own folder so they never clash with a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Dev request logs would print OAuth callback URLs, authorization codes included.
  logging: { incomingRequests: { ignore: [/\/api\/auth\//] } },
  // Native-ish packages that read their own files at run time must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "oidc-provider"],
};

export default nextConfig;
