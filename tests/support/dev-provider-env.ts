// Starts the real local providers for a test file and points the app's environment at them.
// Import app modules dynamically after `startProvidersForTests()`: lib/env reads the environment once.
import { startDevProviders } from "../../dev-providers/index.mjs";
import { APP_ORIGIN } from "./oidc-client";

export async function startProvidersForTests(accessTokenTtl = 300) {
  const dev = await startDevProviders({ appOrigin: APP_ORIGIN, ports: { acme: 0, globex: 0 }, accessTokenTtl });
  const [acme, globex] = dev.providers;
  process.env.AUTH_DEV_PROVIDERS = "1";
  process.env.DEV_ACME_ISSUER = acme.issuer;
  process.env.DEV_GLOBEX_ISSUER = globex.issuer;
  return { dev, acme, globex };
}
