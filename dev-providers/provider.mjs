// oidc-provider configuration for one development identity provider. Option names follow
// oidc-provider 9's configuration (node_modules/oidc-provider/lib/helpers/defaults.js).
import { errorPage, loggedOutPage, logoutPage } from "./pages.mjs";

// oidc-provider prints "Unsupported runtime. Use Node.js v22.x LTS" when imported on Node 20,
// which this project supports; drop just that line instead of repeating it in every test run.
const { Provider, interactionPolicy } = await (async () => {
  const warn = console.warn;
  console.warn = (...args) => { if (!String(args[0]).includes("Unsupported runtime")) warn(...args); };
  try {
    return await import("oidc-provider");
  } finally {
    console.warn = warn;
  }
})();

/** Every scope the providers know. api:read stands in for "an extra permission granted later". */
export const SCOPES = Object.freeze(["openid", "offline_access", "profile", "email", "api:read"]);
export const REFRESH_TOKEN_TTL = 14 * 24 * 60 * 60;

/** "alice.smith" -> "Alice Smith". @param {string} username */
const displayName = (username) =>
  username.split(/[._-]+/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join(" ") || username;

/** An inline SVG avatar: a picture claim without any external URL. @param {string} username @param {string} color */
const avatar = (username, color) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="32" fill="${color}"/>` +
      `<text x="32" y="42" font-family="sans-serif" font-size="28" text-anchor="middle" fill="#fff">${username[0].toUpperCase()}</text></svg>`,
  )}`;

/**
 * OIDC Core 11 lets an OP ignore offline_access unless prompt contains consent, and oidc-provider
 * does. Auth.js sends no prompt, so without this no refresh token would ever be issued. Consent is
 * automatic here anyway, so asking for it costs one invisible redirect. prompt=none is left alone.
 * @param {any} ctx @param {() => Promise<void>} next
 */
async function implicitConsentForOfflineAccess(ctx, next) {
  if (ctx.method === "GET" && ctx.path === "/auth") {
    const query = new URLSearchParams(ctx.querystring);
    const prompts = (query.get("prompt") ?? "").split(" ").filter(Boolean);
    const scopes = (query.get("scope") ?? "").split(" ");
    if (scopes.includes("offline_access") && query.getAll("prompt").length <= 1
      && !prompts.includes("consent") && !prompts.includes("none")) {
      query.set("prompt", [...prompts, "consent"].join(" "));
      ctx.querystring = query.toString();
    }
  }
  await next();
}

/**
 * oidc-provider only knows the login and consent prompts and rejects prompt=select_account, which
 * apps send to link a second account. Here it simply shows the login form again, like prompt=login.
 */
function policyWithSelectAccount() {
  const policy = interactionPolicy.base();
  policy.add(new interactionPolicy.Prompt({ name: "select_account", requestable: true }), 0);
  return policy;
}

/**
 * @param {{
 *   id: string, issuer: string, appOrigin: string, accessTokenTtl: () => number, claimsInUserinfoOnly: boolean,
 *   brand: import("./pages.mjs").Brand, client: { clientId: string, clientSecret: string },
 *   store: ReturnType<typeof import("./store.mjs").openStore>,
 *   stats: ReturnType<typeof import("./stats.mjs").createStats>,
 * }} options
 */
export function createProvider({ id, issuer, appOrigin, accessTokenTtl, claimsInUserinfoOnly, brand, client, store, stats }) {
  /** @param {any} _ctx @param {any} clientOfToken @param {any} token */
  const ownTokensOnly = async (_ctx, clientOfToken, token) => token.clientId === clientOfToken.clientId;

  const provider = new Provider(issuer, {
    adapter: store.adapter,
    jwks: store.jwks,
    // Cookies ignore ports: without per-provider names, Acme and Globex on localhost would overwrite each other's sessions.
    cookies: {
      keys: store.cookieKeys,
      names: { session: `_${id}_session`, interaction: `_${id}_interaction`, resume: `_${id}_interaction_resume` },
    },
    clients: [{
      client_id: client.clientId,
      client_secret: client.clientSecret,
      client_name: "Connected Accounts",
      redirect_uris: [`${appOrigin}/api/auth/callback/${id}`],
      post_logout_redirect_uris: [`${appOrigin}/`, `${appOrigin}/sign-in`],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      // client_secret_post is accepted too: oidc-provider treats the two as interchangeable.
      token_endpoint_auth_method: "client_secret_basic",
    }],
    clientAuthMethods: ["client_secret_basic", "client_secret_post"],
    responseTypes: ["code"],
    scopes: [...SCOPES],
    claims: {
      openid: ["sub"],
      profile: ["name", "preferred_username", "picture"],
      email: ["email", "email_verified"],
    },
    // Acme ID puts the scope claims in the ID token too; Globex ID keeps oidc-provider's standards-conformant
    // default (a code flow's ID token carries only sub; email and profile come from userinfo), so the app is
    // tested against both shapes real issuers use.
    conformIdTokenClaims: claimsInUserinfoOnly,
    pkce: { required: () => true }, // S256 is the only method oidc-provider 9 supports
    async findAccount(_ctx, sub) {
      const account = store.getAccount(sub);
      if (!account) return undefined; // e.g. tokens from a previous memory-only run
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          name: displayName(sub),
          preferred_username: sub,
          email: account.email,
          email_verified: true,
          picture: avatar(sub, brand.color),
        }),
      };
    },
    issueRefreshToken: async (_ctx, rp, code) => rp.grantTypeAllowed("refresh_token") && code.scopes.has("offline_access"),
    // Every refresh returns a new refresh token. Presenting a rotated one again makes
    // oidc-provider answer invalid_grant and revoke the whole grant (reuse detection).
    rotateRefreshToken: true,
    // oidc-provider accepts tokens 15 s past exp by default; app and IdP share a clock here, so
    // 1 s is enough (it covers exp being whole seconds) and a token dies when expires_in says.
    clockTolerance: 1,
    ttl: {
      AccessToken: () => accessTokenTtl(), // read per token: /__dev/access-token-ttl changes it (token-lifetime.mjs)
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      RefreshToken: REFRESH_TOKEN_TTL,
      Interaction: 60 * 60,
      Session: 14 * 24 * 60 * 60,
      // Longer than a refresh token: the grant must outlive refresh tokens rotated 14 days apart.
      Grant: 365 * 24 * 60 * 60,
    },
    features: {
      devInteractions: { enabled: false }, // interactions.mjs serves /interaction/*
      revocation: { enabled: true, allowedPolicy: ownTokensOnly },
      introspection: { enabled: true, allowedPolicy: ownTokensOnly },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => { ctx.body = logoutPage(brand, form); },
        postLogoutSuccessSource: async (ctx) => { ctx.body = loggedOutPage(brand); },
      },
      // Not needed by Auth.js; off so they cannot surprise anyone (e.g. invalid_target on resource=).
      resourceIndicators: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
    },
    interactions: { policy: policyWithSelectAccount() },
    // The app calls the token endpoint from its server; browsers never need CORS here.
    clientBasedCORS: () => false,
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = errorPage(brand, "Sign-in error", `${out.error}: ${out.error_description ?? ""}`);
    },
  });
  // Plain http on localhost with no TLS-offloading proxy in front: leave provider.proxy false so
  // X-Forwarded-* headers are not trusted; endpoint URLs come from the Host header (localhost:<port>).
  provider.proxy = false;
  provider.use(stats.middleware);
  provider.use(implicitConsentForOfflineAccess);
  return provider;
}
