// One copy of the app's token code, as one server instance holds it. The refresh worker loads this module
// once per simulated instance (see loadInstances), so each copy has its own in-process single-flight map.
import { env } from "@/lib/env";
import { findProvider } from "@/lib/providers";
import { authorizationServer } from "@/lib/providers/oauth";
import { withProviderToken } from "@/lib/tokens/with-provider-token";

export { withProviderToken };

/**
 * What a server that has been up for a while already has: the issuer's discovery document (cached per
 * process by lib/providers/oauth). Measured calls then time the refresh itself, not a cold start.
 */
export async function warmUp(): Promise<void> {
  const acme = findProvider("acme");
  if (!acme || acme.issuer !== env.DEV_ACME_ISSUER) throw new Error("the acme provider is not configured");
  await authorizationServer(acme);
}
