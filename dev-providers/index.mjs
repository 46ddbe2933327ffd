// Two local OpenID Connect identity providers, "Acme ID" and "Globex ID", so `npm run dev` and the
// tests can sign in offline without registering an OAuth app anywhere. Each runs the real
// oidc-provider on its own port behind a plain node:http server:
//   /interaction/*  login page + automatic consent (interactions.mjs)
//   /__dev/*        request counters (stats.mjs), fault injection (faults.mjs), access token lifetime
//                   (token-lifetime.mjs)
//   everything else oidc-provider
import { createServer } from "node:http";
import path from "node:path";
import { createInteractions } from "./interactions.mjs";
import { createProvider, SCOPES } from "./provider.mjs";
import { createFaults } from "./faults.mjs";
import { createStats } from "./stats.mjs";
import { createTokenLifetime } from "./token-lifetime.mjs";
import { openStore } from "./store.mjs";

/** The one client both providers register. Not a secret: these providers only run locally. */
export const DEV_CLIENT = Object.freeze({ clientId: "dev-app", clientSecret: "dev-app-secret-not-for-production" });

/** @typedef {"acme" | "globex"} DevProviderId */
/** @typedef {{ id: DevProviderId, name: string, issuer: string }} DevProviderInfo */

/**
 * Acme ID puts every claim in the ID token; Globex ID is standards-conformant: its ID token carries only sub and
 * the profile comes from userinfo.
 * @type {ReadonlyArray<{ id: DevProviderId, claimsInUserinfoOnly: boolean, brand: import("./pages.mjs").Brand }>}
 */
const DEFINITIONS = [
  { id: "acme", claimsInUserinfoOnly: false, brand: { name: "Acme ID", color: "#4f46e5", colorDark: "#4338ca", tint: "#e0e7ff" } }, // indigo
  { id: "globex", claimsInUserinfoOnly: true, brand: { name: "Globex ID", color: "#059669", colorDark: "#047857", tint: "#d1fae5" } }, // emerald
];

export { SCOPES };

/**
 * Starts both providers and resolves once they accept connections.
 * @param {{
 *   appOrigin: string,
 *   ports?: Partial<Record<DevProviderId, number>>,
 *   accessTokenTtl?: number,
 *   dataDir?: string,
 * }} options appOrigin: the app, e.g. http://localhost:3000 (only its origin is used).
 *   ports: 0 picks a free port (default 3101 / 3102). accessTokenTtl: seconds, default
 *   DEV_OIDC_ACCESS_TOKEN_TTL or 300. dataDir: keep keys, accounts and tokens across restarts.
 * @returns {Promise<{ providers: DevProviderInfo[], close(): Promise<void> }>}
 */
export async function startDevProviders({ appOrigin, ports = {}, accessTokenTtl, dataDir }) {
  const origin = new URL(appOrigin).origin; // tolerate AUTH_URL-style values such as .../api/auth
  const ttl = accessTokenTtl ?? Number(process.env.DEV_OIDC_ACCESS_TOKEN_TTL || 300);
  if (!Number.isSafeInteger(ttl) || ttl <= 0) throw new TypeError(`accessTokenTtl must be a positive integer, got ${ttl}`);
  const defaults = { acme: 3101, globex: 3102 };

  /** @type {ReturnType<typeof createFaults>[]} */
  const faultSwitches = [];
  /** @type {import("node:http").Server[]} */
  const servers = [];
  /** @type {DevProviderInfo[]} */
  const providers = [];
  try {
    for (const { id, brand, claimsInUserinfoOnly } of DEFINITIONS) {
      const server = createServer();
      servers.push(server);
      const port = await listen(server, ports[id] ?? defaults[id]);
      // The issuer needs the real port, which port 0 only reveals after listen().
      const issuer = `http://localhost:${port}`;
      const store = openStore(dataDir ? path.join(dataDir, `${id}.json`) : undefined);
      const stats = createStats();
      const lifetime = createTokenLifetime(ttl);
      const provider = createProvider({ id, issuer, appOrigin: origin, accessTokenTtl: lifetime.seconds, claimsInUserinfoOnly, brand, client: DEV_CLIENT, store, stats });
      const interactions = createInteractions({
        provider, brand, scopes: SCOPES, accounts: { set: store.setAccount },
      });
      const oidc = provider.callback();
      const faults = createFaults();
      faultSwitches.push(faults);
      server.on("request", (req, res) => {
        const url = req.url ?? "/";
        if (url.startsWith("/interaction/")) void interactions.handle(req, res);
        else if (url.startsWith("/__dev/faults")) void faults.handle(req, res);
        else if (url.startsWith("/__dev/access-token-ttl")) void lifetime.handle(req, res);
        else if (url.startsWith("/__dev/")) stats.handle(req, res);
        else if (!faults.intercept(req, res, () => oidc(req, res))) oidc(req, res);
      });
      providers.push({ id, name: brand.name, issuer });
    }
  } catch (error) {
    await Promise.all(servers.map(stop));
    throw error;
  }

  let closing;
  return {
    providers,
    close: () => (closing ??= (faultSwitches.forEach((faults) => faults.close()), Promise.all(servers.map(stop)).then(() => undefined))),
  };
}

/**
 * Loopback only: nothing outside this machine should reach a provider that signs anyone in.
 * @param {import("node:http").Server} server @param {number} port @returns {Promise<number>}
 */
function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve(/** @type {import("node:net").AddressInfo} */ (server.address()).port);
    });
  });
}

/** Stops accepting connections and drops idle keep-alive ones so close() does not hang. @param {import("node:http").Server} server */
function stop(server) {
  return new Promise((resolve) => {
    if (!server.listening) return resolve(undefined);
    server.close(() => resolve(undefined));
    server.closeIdleConnections();
    // Anything still busy after a moment (e.g. a browser holding a request) is cut.
    setTimeout(() => server.closeAllConnections(), 1000).unref();
  });
}
