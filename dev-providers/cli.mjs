#!/usr/bin/env node
// Runs both development identity providers in the foreground:
//   node dev-providers/cli.mjs
// Env: DEV_ACME_PORT (3101), DEV_GLOBEX_PORT (3102), DEV_APP_ORIGIN (http://localhost:3000),
// DEV_OIDC_ACCESS_TOKEN_TTL (300 seconds). State is kept in .data/dev-providers.
import { startDevProviders } from "./index.mjs";

/** @param {string} name @param {number} fallback */
function portFromEnv(name, fallback) {
  const raw = process.env[name];
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number, got "${raw}"`);
    process.exit(1);
  }
  return port;
}

const dev = await startDevProviders({
  appOrigin: process.env.DEV_APP_ORIGIN || "http://localhost:3000",
  ports: { acme: portFromEnv("DEV_ACME_PORT", 3101), globex: portFromEnv("DEV_GLOBEX_PORT", 3102) },
  dataDir: ".data/dev-providers",
}).catch((error) => {
  console.error(`Could not start the development identity providers: ${error.message}`);
  process.exit(1);
});

for (const provider of dev.providers) console.log(`${provider.name}  ${provider.issuer}`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await dev.close(); // state is already on disk: the store writes after every change
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
