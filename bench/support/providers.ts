// The local OpenID providers (dev-providers/), started in this process, and their request counters.
import { startDevProviders } from "../../dev-providers/index.mjs";
import { devStats } from "../../tests/support/oidc-client";
import { onCleanup } from "./cleanup";

/** The app origin the providers accept redirects to; no measurement signs in through the app, so it is nominal. */
const APP_ORIGIN = "http://localhost:3000";

export async function startProviders(accessTokenTtl: number, label: string) {
  const dev = await startDevProviders({ appOrigin: APP_ORIGIN, ports: { acme: 0, globex: 0 }, accessTokenTtl });
  onCleanup(label, () => dev.close());
  const [acme, globex] = dev.providers;
  return {
    acme,
    globex,
    /** What lib/env needs to enable and find these providers. */
    env: { AUTH_DEV_PROVIDERS: "1", DEV_ACME_ISSUER: acme.issuer, DEV_GLOBEX_ISSUER: globex.issuer },
    userinfoUrl: `${acme.issuer}/me`,
    stats: () => devStats(acme.issuer),
  };
}

export type Providers = Awaited<ReturnType<typeof startProviders>>;

/** Successful refresh_token grants, failed token requests of any kind, and userinfo calls since `before`. */
export async function statsSince(providers: Providers, before: Awaited<ReturnType<Providers["stats"]>>) {
  const after = await providers.stats();
  const errors = (stats: typeof after) => Object.values(stats.token_errors).reduce((sum, count) => sum + count, 0);
  return {
    refreshes: (after.token.refresh_token ?? 0) - (before.token.refresh_token ?? 0),
    tokenErrors: errors(after) - errors(before),
    userinfo: after.userinfo - before.userinfo,
  };
}
