// A real OpenID Connect client for the local development providers (dev-providers/), without a
// browser: plain fetch, a hand-rolled cookie jar, the HTML login form, PKCE, state and nonce, and the
// token, userinfo, introspection and revocation endpoints. Nothing is mocked.
//
// High level: obtainTokens(dev.providers[0], { username: "alice" }) returns the token set Auth.js
// would receive for a first sign-in (refresh token included) plus the verified ID token claims.
// The lower-level steps are exported for tests that drive the providers themselves.
import { createHash, createPublicKey, randomBytes, verify } from "node:crypto";
import { DEV_CLIENT } from "../../dev-providers/index.mjs";

/** The app origin the dev providers are started with in tests (it only matters for redirect URIs). */
export const APP_ORIGIN = "http://localhost:3000";
export const DEFAULT_SCOPE = "openid profile email offline_access";

const b64url = (bytes: Buffer) => bytes.toString("base64url");

/** Cookies by name and path, sent back to matching paths: enough for oidc-provider's cookies. */
export class CookieJar {
  #cookies = new Map<string, { name: string; value: string; path: string }>();

  store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";").map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.split("=")[1];
      const cookiePath = attr("path") ?? "/";
      const expires = attr("expires");
      const gone = value === "" || attr("max-age") === "0" || (expires !== undefined && Date.parse(expires) < Date.now());
      if (gone) this.#cookies.delete(`${name}|${cookiePath}`);
      else this.#cookies.set(`${name}|${cookiePath}`, { name, value, path: cookiePath });
    }
  }

  header(url: URL) {
    return [...this.#cookies.values()]
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }
}

/** Where browsing stopped: a redirect that leaves the provider (to the app), or a page. */
export type Step = { callback: URL } | { page: Response; html: string; url: URL };

/** Follows redirects inside the provider; stops at a page or at a redirect leaving the provider's origin. */
export async function browse(jar: CookieJar, start: string | URL, init: RequestInit = {}): Promise<Step> {
  let url = new URL(start);
  let request = init;
  for (let hops = 0; hops < 10; hops++) {
    const response = await fetch(url, {
      ...request,
      redirect: "manual",
      headers: { ...(request.headers as Record<string, string>), cookie: jar.header(url) },
    });
    jar.store(response);
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      if (next.origin !== url.origin) return { callback: next };
      url = next;
      request = {};
      continue;
    }
    return { page: response, html: await response.text(), url };
  }
  throw new Error("too many redirects");
}

/** Submits a form (application/x-www-form-urlencoded) and keeps browsing. */
export function post(jar: CookieJar, url: string | URL, form: Record<string, string>) {
  return browse(jar, url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
}

export function formAction(html: string, base: URL) {
  const action = /<form[^>]*\saction="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form in page:\n${html}`);
  return new URL(action, base);
}

/** What a token endpoint answers: the fields tests read, as strings when present. */
export interface TokenResponseBody {
  access_token: string;
  refresh_token: string;
  id_token: string;
  scope: string;
  token_type: string;
  error: string;
  error_description: string;
  expires_in: number;
}

/** An issuer and its discovery document. */
export interface Issuer {
  issuer: string;
  // Only its endpoint URLs are read here.
  discovery: Record<string, string>;
}

export async function discover(issuer: string): Promise<Issuer> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (response.status !== 200) throw new Error(`discovery for ${issuer} answered HTTP ${response.status}`);
  return { issuer, discovery: await response.json() };
}

/** Starts an authorization request with PKCE, state and nonce (what Auth.js sends). */
export function authorizationUrl(op: Issuer, id: string, scope: string, extra: Record<string, string> = {}, appOrigin = APP_ORIGIN) {
  const verifier = b64url(randomBytes(32));
  const state = b64url(randomBytes(16));
  const nonce = b64url(randomBytes(16));
  const url = new URL(op.discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: DEV_CLIENT.clientId,
    response_type: "code",
    redirect_uri: `${appOrigin}/api/auth/callback/${id}`,
    scope,
    state,
    nonce,
    code_challenge: b64url(createHash("sha256").update(verifier).digest()),
    code_challenge_method: "S256",
    ...extra,
  }).toString();
  return { url, verifier, state, nonce };
}

export const basicAuth = `Basic ${Buffer.from(`${DEV_CLIENT.clientId}:${DEV_CLIENT.clientSecret}`).toString("base64")}`;

/** A token endpoint request, authenticated with client_secret_basic (default) or client_secret_post. */
export async function tokenRequest(op: Issuer, params: Record<string, string>, auth: "basic" | "post" = "basic") {
  const body = new URLSearchParams(params);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (auth === "basic") headers.authorization = basicAuth;
  else {
    body.set("client_id", DEV_CLIENT.clientId);
    body.set("client_secret", DEV_CLIENT.clientSecret);
  }
  const response = await fetch(op.discovery.token_endpoint, { method: "POST", headers, body });
  return { status: response.status, body: (await response.json()) as TokenResponseBody };
}

export function userinfo(op: Issuer, accessToken: string) {
  return fetch(op.discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
}

/** RFC 7662 introspection: whether the provider still considers a token live. Not counted in /__dev/stats. */
export async function introspect(op: Issuer, token: string): Promise<Record<string, unknown>> {
  const response = await fetch(op.discovery.introspection_endpoint, {
    method: "POST",
    headers: { authorization: basicAuth, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token }),
  });
  if (response.status !== 200) throw new Error(`introspection answered HTTP ${response.status}`);
  return response.json();
}

/** Verifies the ID token's RS256 signature against the provider's JWKS and returns its claims; throws otherwise. */
export async function verifyIdToken(op: Issuer, idToken: string) {
  const [header, payload, signature] = idToken.split(".");
  const { kid, alg } = JSON.parse(Buffer.from(header, "base64url").toString());
  if (alg !== "RS256") throw new Error(`ID token algorithm is ${alg}, expected RS256`);
  const { keys } = await (await fetch(op.discovery.jwks_uri)).json();
  const jwk = keys.find((key: { kid: string }) => key.kid === kid);
  if (!jwk) throw new Error(`ID token signing key ${kid} is not published`);
  const valid = verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), createPublicKey({ key: jwk, format: "jwk" }), Buffer.from(signature, "base64url"));
  if (!valid) throw new Error("ID token signature is invalid");
  return JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
}

/** The provider's request counters (GET /__dev/stats). */
export async function devStats(issuer: string): Promise<{
  token: Record<string, number>;
  token_errors: Record<string, number>;
  revocations: number;
  userinfo: number;
}> {
  const response = await fetch(`${issuer}/__dev/stats`);
  if (response.status !== 200) throw new Error(`/__dev/stats answered HTTP ${response.status}`);
  return response.json();
}

/** Sets the lifetime of access tokens the provider issues from now on (PUT /__dev/access-token-ttl). */
export async function setAccessTokenTtl(issuer: string, seconds: number): Promise<void> {
  const response = await fetch(`${issuer}/__dev/access-token-ttl`, { method: "PUT", body: JSON.stringify({ seconds }) });
  if (response.status !== 200) throw new Error(`/__dev/access-token-ttl answered HTTP ${response.status}: ${await response.text()}`);
}

/**
 * A first sign-in through the login form (a fresh jar shows the form; a jar with a live provider
 * session skips it) and the code exchange. `email` empty means the provider's default
 * `<username>@example.test`. Throws when the provider does not redirect back with a code.
 */
export async function signIn(
  op: Issuer, id: string, jar: CookieJar, username: string, scope = DEFAULT_SCOPE,
  { email = "", appOrigin = APP_ORIGIN }: { email?: string; appOrigin?: string } = {},
) {
  const request = authorizationUrl(op, id, scope, {}, appOrigin);
  const form = await browse(jar, request.url);
  if (!("html" in form)) throw new Error("expected the login page");
  const done = await post(jar, formAction(form.html, form.url), { username, email });
  if (!("callback" in done)) throw new Error(`login did not finish: ${done.html}`);
  if (done.callback.origin !== new URL(appOrigin).origin) throw new Error(`redirected to ${done.callback.href}, not the app`);
  const code = done.callback.searchParams.get("code");
  if (!code) throw new Error(`no code in the callback: ${done.callback.href}`);
  const tokens = await tokenRequest(op, {
    grant_type: "authorization_code", code, redirect_uri: `${appOrigin}/api/auth/callback/${id}`, code_verifier: request.verifier,
  });
  return { request, callback: done.callback, code, tokens };
}

/** What Auth.js keeps from a code exchange (expires_at in seconds since the epoch), plus the verified ID token claims. */
export interface Tokens {
  access_token: string;
  refresh_token: string;
  id_token: string;
  expires_at: number;
  scope: string;
  token_type: string;
  claims: Record<string, unknown>;
}

const issuers = new Map<string, Promise<Issuer>>();

/**
 * Signs `username` in at a provider started with startDevProviders and returns real tokens.
 * `provider` is one of `dev.providers` ({ id, issuer }). The ID token's signature, issuer, audience
 * and nonce are checked. Default scope includes offline_access, so a refresh token is required.
 */
export async function obtainTokens(
  provider: { id: string; issuer: string },
  options: { username: string; email?: string; scope?: string; appOrigin?: string },
): Promise<Tokens> {
  let op = issuers.get(provider.issuer);
  if (!op) {
    op = discover(provider.issuer);
    issuers.set(provider.issuer, op);
    op.catch(() => issuers.delete(provider.issuer));
  }
  const issuer = await op;
  const scope = options.scope ?? DEFAULT_SCOPE;
  const { request, tokens } = await signIn(issuer, provider.id, new CookieJar(), options.username, scope, options);
  if (tokens.status !== 200) throw new Error(`code exchange answered HTTP ${tokens.status}: ${JSON.stringify(tokens.body)}`);
  const body = tokens.body;
  const claims = await verifyIdToken(issuer, body.id_token);
  if (claims.iss !== provider.issuer || claims.aud !== DEV_CLIENT.clientId || claims.nonce !== request.nonce) {
    throw new Error(`unexpected ID token claims: ${JSON.stringify(claims)}`);
  }
  if (scope.split(" ").includes("offline_access") && typeof body.refresh_token !== "string") {
    throw new Error("offline_access was asked for but no refresh token came back");
  }
  return {
    access_token: body.access_token,
    refresh_token: body.refresh_token,
    id_token: body.id_token,
    expires_at: Math.floor(Date.now() / 1000) + Number(body.expires_in),
    scope: body.scope,
    token_type: body.token_type,
    claims,
  };
}

/** The Issuer (discovery included) for a provider obtainTokens talks to. */
export function issuerOf(provider: { issuer: string }): Promise<Issuer> {
  return issuers.get(provider.issuer) ?? discover(provider.issuer);
}
