import { defineConfig } from "vitest/config";
import path from "node:path";

// Browser tests: one production build of the app, the local identity providers and real Chromium.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    // Files share one app server; running them one at a time keeps the 2-core machines predictable.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 900_000,
    // Test helpers reuse server modules (lib/database/connect.ts) outside React Server Components.
    alias: { "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts") },
  },
});
