// npm run tokens:rotate — re-encrypts every stored token under the first key of TOKEN_ENCRYPTION_KEYS.
// Safe to interrupt and run again. When it reports 0 undecryptable, the older keys can be removed.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());
try {
  const { parseEnv } = await import("../lib/env");
  parseEnv(process.env);
  const { rotateAccountTokens, rotatePendingLinks } = await import("../lib/tokens/rotate");
  const line = (what: string) => (t: { checked: number; total: number; reencrypted: number; undecryptable: number }) =>
    console.log(`${what}: ${t.checked}/${t.total} checked, ${t.reencrypted} re-encrypted, ${t.undecryptable} undecryptable`);
  const accounts = await rotateAccountTokens(line("accounts"));
  const links = await rotatePendingLinks(line("pending links"));
  line("accounts (done)")(accounts);
  line("pending links (done)")(links);
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
