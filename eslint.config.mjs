// Next's recommended rules (core web vitals) and typescript-eslint's, with zero warnings allowed (`npm run lint`).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    // `_name` marks a value left out on purpose (e.g. a rest sibling that drops a field).
    rules: { "@typescript-eslint/no-unused-vars": ["warn", { varsIgnorePattern: "^_", argsIgnorePattern: "^_", ignoreRestSiblings: true }] },
  },
  globalIgnores([".next/**", ".next-*/**", ".vercel/**", "lib/generated/**", "node_modules/**", "next-env.d.ts", "e2e/screenshots/**"]),
]);
