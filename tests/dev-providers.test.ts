// The local identity providers in dev-providers/, driven as a real client would: plain fetch, a
// hand-rolled cookie jar, the HTML login form, PKCE, and the token, userinfo, revocation and
// logout endpoints. Nothing is mocked; each run starts fresh providers on free ports.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_CLIENT, startDevProviders } from "../dev-providers/index.mjs";
import {
  APP_ORIGIN as APP, CookieJar, authorizationUrl, basicAuth as basic, browse, devStats, discover, formAction, post,
  introspect, setAccessTokenTtl, signIn, tokenRequest, userinfo, verifyIdToken, type Issuer,
} from "./support/oidc-client";

const stats = (op: Issuer) => devStats(op.issuer);

describe("dev-providers", () => {
  let dev: Awaited<ReturnType<typeof startDevProviders>>;
  let acme: Issuer;
  let globex: Issuer;

  beforeAll(async () => {
    dev = await startDevProviders({ appOrigin: APP, ports: { acme: 0, globex: 0 }, accessTokenTtl: 2 });
    acme = await discover(dev.providers[0].issuer);
    globex = await discover(dev.providers[1].issuer);
  });
  afterAll(() => dev?.close());

  it("lists both providers with localhost issuers and advertises the endpoints the app relies on", () => {
    expect(dev.providers.map(({ id, name }) => ({ id, name }))).toEqual([
      { id: "acme", name: "Acme ID" },
      { id: "globex", name: "Globex ID" },
    ]);
    for (const [op, info] of [[acme, dev.providers[0]], [globex, dev.providers[1]]] as const) {
      expect(info.issuer).toMatch(/^http:\/\/localhost:\d+$/);
      expect(op.discovery.issuer).toBe(info.issuer);
      expect(op.discovery.revocation_endpoint).toBe(`${info.issuer}/token/revocation`);
      expect(op.discovery.end_session_endpoint).toBe(`${info.issuer}/session/end`);
      expect(op.discovery.code_challenge_methods_supported).toEqual(["S256"]);
      expect(op.discovery.scopes_supported).toEqual(expect.arrayContaining(["openid", "profile", "email", "offline_access", "api:read"]));
    }
  });

  it("renders a branded login form and rejects an invalid username with 400", async () => {
    for (const [op, id, name] of [[acme, "acme", "Acme ID"], [globex, "globex", "Globex ID"]] as const) {
      const jar = new CookieJar();
      const form = await browse(jar, authorizationUrl(op, id, "openid email").url);
      if (!("html" in form)) throw new Error("expected the login page");
      expect(form.page.status).toBe(200);
      expect(form.html).toContain(`Sign in to ${name}`);
      expect(form.html).toMatch(/<label for="username">Username<\/label>/);
      expect(form.html).toMatch(/<input id="username" name="username" type="text" required/);
      expect(form.html).toMatch(/<input id="email" name="email" type="email"/);
      expect(form.html).toMatch(/<button type="submit">Sign in<\/button>/);
      expect(form.html).not.toMatch(/https?:\/\//); // nothing loaded from elsewhere

      const action = formAction(form.html, form.url);
      const bad = await post(jar, action, { username: "<script>x</script>", email: "" });
      if (!("html" in bad)) throw new Error("invalid username must not sign in");
      expect(bad.page.status).toBe(400);
      expect(bad.html).toContain("Usernames are 1 to 64 characters");
      expect(bad.html).toContain("&#60;script&#62;x&#60;/script&#62;"); // echoed back, escaped
      expect(bad.html).not.toContain("<script>x");

      const long = await post(jar, action, { username: "a".repeat(65), email: "" });
      expect("html" in long && long.page.status).toBe(400);
      const badEmail = await post(jar, action, { username: "alice", email: "not-an-email" });
      expect("html" in badEmail && badEmail.page.status).toBe(400);
      expect("html" in badEmail && badEmail.html).toContain("Enter an email address");
    }
  });

  it("requires PKCE", async () => {
    const { url } = authorizationUrl(acme, "acme", "openid");
    url.searchParams.delete("code_challenge");
    url.searchParams.delete("code_challenge_method");
    const result = await browse(new CookieJar(), url);
    if (!("callback" in result)) throw new Error("expected an error redirect to the app");
    expect(result.callback.searchParams.get("error")).toBe("invalid_request");
    expect(result.callback.searchParams.get("error_description")).toMatch(/PKCE/);
  });

  it("signs in, refreshes with rotation, detects refresh token reuse, revokes and logs out; stats match", async () => {
    const jar = new CookieJar();
    const before = await stats(acme);
    expect(before).toEqual({ token: { authorization_code: 0, refresh_token: 0 }, token_errors: {}, revocations: 0, userinfo: 0 });

    // 1. First sign-in: login form, code with iss (RFC 9207) and state, code exchange.
    const first = await signIn(acme, "acme", jar, "alice");
    expect(first.callback.pathname).toBe("/api/auth/callback/acme");
    expect(first.callback.searchParams.get("iss")).toBe(acme.issuer);
    expect(first.callback.searchParams.get("state")).toBe(first.request.state);
    expect(first.tokens.status).toBe(200);
    expect(first.tokens.body.expires_in).toBe(2);
    expect(first.tokens.body.refresh_token, "offline_access without prompt=consent still yields a refresh token").toEqual(expect.any(String));
    expect(first.tokens.body.scope.split(" ").sort()).toEqual(["email", "offline_access", "openid", "profile"]);

    const claims = await verifyIdToken(acme, first.tokens.body.id_token);
    expect(claims).toMatchObject({
      iss: acme.issuer, aud: DEV_CLIENT.clientId, sub: "alice", nonce: first.request.nonce,
      email: "alice@example.test", email_verified: true, name: "Alice", preferred_username: "alice",
    });
    expect(claims.picture ?? "data:").toMatch(/^data:/);

    const me = await userinfo(acme, first.tokens.body.access_token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ sub: "alice", email: "alice@example.test", email_verified: true });

    // 2. Refresh rotates; replaying the old refresh token kills the whole grant.
    const refreshed = await tokenRequest(acme, { grant_type: "refresh_token", refresh_token: first.tokens.body.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toEqual(expect.any(String));
    expect(refreshed.body.refresh_token).not.toBe(first.tokens.body.refresh_token);
    expect(refreshed.body.access_token).not.toBe(first.tokens.body.access_token);

    const reuse = await tokenRequest(acme, { grant_type: "refresh_token", refresh_token: first.tokens.body.refresh_token });
    expect(reuse).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const afterReuse = await tokenRequest(acme, { grant_type: "refresh_token", refresh_token: refreshed.body.refresh_token });
    expect(afterReuse).toMatchObject({ status: 400, body: { error: "invalid_grant" } });

    // 3. Asking for more (api:read) with a live session: consent is automatic, no login page.
    const more = authorizationUrl(acme, "acme", "openid profile email offline_access api:read");
    const granted = await browse(jar, more.url);
    if (!("callback" in granted)) throw new Error(`expected no page, got: ${granted.html}`);
    const second = await tokenRequest(acme, {
      grant_type: "authorization_code", code: granted.callback.searchParams.get("code")!,
      redirect_uri: `${APP}/api/auth/callback/acme`, code_verifier: more.verifier,
    }, "post"); // client_secret_post is accepted as well as client_secret_basic
    expect(second.status).toBe(200);
    expect(second.body.scope.split(" ")).toContain("api:read");
    expect((await userinfo(acme, second.body.access_token)).status).toBe(200);

    // 4. The access token lives accessTokenTtl (2 s); the refresh token outlives it. Waits are for conditions,
    // not fixed times: introspection (not counted in the stats checked below) turns inactive at `exp`; userinfo
    // refuses once the provider's 1 s clock tolerance has passed too, so it is polled and its calls counted.
    const live = await introspect(acme, second.body.access_token);
    expect(live).toMatchObject({ active: true });
    expect(Number(live.exp) - Number(live.iat)).toBe(2);
    await expect.poll(async () => (await introspect(acme, second.body.access_token)).active, { timeout: 10_000, interval: 100 }).toBe(false);
    let expiredUserinfoCalls = 0;
    const expiredUserinfo = () => {
      expiredUserinfoCalls += 1;
      return userinfo(acme, second.body.access_token).then((response) => response.status);
    };
    await expect.poll(expiredUserinfo, { timeout: 10_000, interval: 100 }).toBe(401);
    const renewed = await tokenRequest(acme, { grant_type: "refresh_token", refresh_token: second.body.refresh_token });
    expect(renewed.status).toBe(200);

    // 5. RFC 7009 revocation of the refresh token ends it.
    const revoke = await fetch(acme.discovery.revocation_endpoint, {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: renewed.body.refresh_token, token_type_hint: "refresh_token" }),
    });
    expect(revoke.status).toBe(200);
    const afterRevoke = await tokenRequest(acme, { grant_type: "refresh_token", refresh_token: renewed.body.refresh_token });
    expect(afterRevoke).toMatchObject({ status: 400, body: { error: "invalid_grant" } });

    // A code is single use (replaying one also revokes what it issued, so this comes late).
    const replayedCode = await tokenRequest(acme, {
      grant_type: "authorization_code", code: first.code, redirect_uri: `${APP}/api/auth/callback/acme`, code_verifier: first.request.verifier,
    });
    expect(replayedCode).toMatchObject({ status: 400, body: { error: "invalid_grant" } });

    // 6. RP-initiated logout: the confirmation submits itself with logout=yes and returns to the app.
    const endSession = new URL(acme.discovery.end_session_endpoint);
    endSession.search = new URLSearchParams({ client_id: DEV_CLIENT.clientId, post_logout_redirect_uri: `${APP}/sign-in`, state: "bye" }).toString();
    const confirm = await browse(jar, endSession);
    if (!("html" in confirm)) throw new Error("expected the logout page");
    expect(confirm.html).toContain('name="logout" value="yes"');
    expect(confirm.html).toContain('document.getElementById("op.logoutForm").submit()');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.html)![1];
    const loggedOut = await post(jar, formAction(confirm.html, confirm.url), { xsrf, logout: "yes" });
    if (!("callback" in loggedOut)) throw new Error("expected a redirect to the app");
    expect(loggedOut.callback.href).toBe(`${APP}/sign-in?state=bye`);
    const again = await browse(jar, authorizationUrl(acme, "acme", "openid").url);
    expect("html" in again && again.html).toContain("Sign in to Acme ID"); // the provider session is gone

    // Exactly what this test did, nothing more; Globex saw none of it.
    expect(await stats(acme)).toEqual({
      token: { authorization_code: 2, refresh_token: 2 },
      token_errors: { authorization_code: 1, refresh_token: 3 },
      revocations: 1,
      userinfo: 2 + expiredUserinfoCalls,
    });
    expect(await stats(globex)).toEqual(before);
  });

  it("shows the form again for prompt=login and select_account; switching account keeps the first one's tokens", async () => {
    // Own providers, so the exact stats above stay independent of test order.
    const own = await startDevProviders({ appOrigin: APP, ports: { acme: 0, globex: 0 }, accessTokenTtl: 2 });
    try {
      const op = await discover(own.providers[1].issuer);
      const jar = new CookieJar();
      const alice = await signIn(op, "globex", jar, "alice");
      for (const prompt of ["login", "select_account"]) {
        const page = await browse(jar, authorizationUrl(op, "globex", "openid", { prompt }).url);
        expect("html" in page && page.html, `prompt=${prompt}`).toContain("Sign in to Globex ID");
      }
      // Signing in as someone else replaces the provider session (oidc-provider logs alice out
      // through an auto-submitted form), but alice's offline_access grant is not revoked.
      const request = authorizationUrl(op, "globex", "openid email offline_access", { prompt: "select_account" });
      const form = await browse(jar, request.url);
      if (!("html" in form)) throw new Error("expected the login page");
      const logout = await post(jar, formAction(form.html, form.url), { username: "carol", email: "" });
      if (!("html" in logout)) throw new Error("expected oidc-provider's logout form");
      expect(logout.html).toContain('name="logout" value="yes"');
      const fields = Object.fromEntries([...logout.html.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      const step = await post(jar, formAction(logout.html, logout.url), fields);
      if (!("callback" in step)) throw new Error(`switch did not finish: ${"html" in step ? step.html : ""}`);
      const carol = await tokenRequest(op, {
        grant_type: "authorization_code", code: step.callback.searchParams.get("code")!,
        redirect_uri: `${APP}/api/auth/callback/globex`, code_verifier: request.verifier,
      });
      expect((await verifyIdToken(op, carol.body.id_token)).sub).toBe("carol");
      const stillAlice = await tokenRequest(op, { grant_type: "refresh_token", refresh_token: alice.tokens.body.refresh_token });
      expect(stillAlice.status).toBe(200);
      expect((await verifyIdToken(op, stillAlice.body.id_token)).sub).toBe("alice");
    } finally {
      await own.close();
    }
  });

  it("changes the access token lifetime while running, for tokens issued from then on, per provider", async () => {
    const own = await startDevProviders({ appOrigin: APP, ports: { acme: 0, globex: 0 }, accessTokenTtl: 2 });
    try {
      const [op, other] = await Promise.all(own.providers.map((info) => discover(info.issuer)));
      const lifetime = async (issuer: string) => (await fetch(`${issuer}/__dev/access-token-ttl`)).json();
      const { tokens } = await signIn(op, "acme", new CookieJar(), "dora");
      expect(tokens.body.expires_in).toBe(2);

      await setAccessTokenTtl(op.issuer, 600);
      const refreshed = await tokenRequest(op, { grant_type: "refresh_token", refresh_token: tokens.body.refresh_token });
      expect(refreshed.body.expires_in).toBe(600);
      const live = await introspect(op, refreshed.body.access_token);
      expect(Number(live.exp) - Number(live.iat)).toBe(600);
      expect(await lifetime(op.issuer)).toEqual({ seconds: 600 });
      expect(await lifetime(other.issuer)).toEqual({ seconds: 2 });

      for (const body of ['{"seconds":0}', '{"seconds":1.5}', '{"seconds":"60"}', '{"seconds":86401}', "not json"]) {
        const refused = await fetch(`${op.issuer}/__dev/access-token-ttl`, { method: "PUT", body });
        expect(refused.status, body).toBe(400);
      }
      expect(await lifetime(op.issuer)).toEqual({ seconds: 600 });
    } finally {
      await own.close();
    }
  });

  it("keeps an account's email and, with dataDir, survives a restart", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "dev-providers-"));
    try {
      let restartable = await startDevProviders({ appOrigin: APP, ports: { acme: 0, globex: 0 }, accessTokenTtl: 2, dataDir });
      const ports = { acme: Number(new URL(restartable.providers[0].issuer).port), globex: Number(new URL(restartable.providers[1].issuer).port) };
      let op = await discover(restartable.providers[0].issuer);
      const jar = new CookieJar();
      const { tokens } = await signIn(op, "acme", jar, "bob.smith", "openid profile email offline_access", { email: "bob@corp.example" });
      expect((await verifyIdToken(op, tokens.body.id_token)).email).toBe("bob@corp.example");
      await restartable.close();
      // Until fetch has noticed that its keep-alive sockets to the old servers are closed (a condition, not a delay).
      const oldIssuer = restartable.providers[0].issuer;
      await expect.poll(() => fetch(`${oldIssuer}/.well-known/openid-configuration`).then(() => "up", () => "down")).toBe("down");

      restartable = await startDevProviders({ appOrigin: APP, ports, accessTokenTtl: 2, dataDir });
      try {
        op = await discover(restartable.providers[0].issuer);
        const refreshed = await tokenRequest(op, { grant_type: "refresh_token", refresh_token: tokens.body.refresh_token });
        expect(refreshed.status).toBe(200);
        // Same signing key as before the restart, and the account's email was remembered.
        const claims = await verifyIdToken(op, refreshed.body.id_token);
        expect(JSON.parse(Buffer.from(refreshed.body.id_token.split(".")[0], "base64url").toString()).kid)
          .toBe(JSON.parse(Buffer.from(tokens.body.id_token.split(".")[0], "base64url").toString()).kid);
        expect(claims).toMatchObject({ sub: "bob.smith", email: "bob@corp.example", name: "Bob Smith" });
      } finally {
        await restartable.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
