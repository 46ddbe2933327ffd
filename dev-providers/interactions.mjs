// The /interaction/<uid> pages oidc-provider redirects to: a login form, and consent that is
// granted without asking (a development IdP has no one to protect from the app).
import { errorPage, loginPage, pageText, pickPageLocale } from "./pages.mjs";

const USERNAME = /^[A-Za-z0-9._-]{1,64}$/;
// Deliberately loose: one @, no spaces, a dot in the domain. The app, not this IdP, owns real validation.
const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]+\.[^\s@<>".]+$/;
const MAX_BODY = 16 * 1024;

/** @param {string} username */
export const defaultEmail = (username) => `${username}@example.test`;

/**
 * @param {{ provider: any, brand: import("./pages.mjs").Brand, scopes: readonly string[],
 *   accounts: { set(username: string, email: string): void } }} options
 */
export function createInteractions({ provider, brand, scopes, accounts }) {
  const supported = new Set(scopes);

  /**
   * Creates or extends the Grant so it covers everything the request asks for, which is what
   * the consent prompt checks. Returns the grant id for the interaction result.
   * @param {any} details interaction details @param {string} accountId
   */
  async function grantEverything(details, accountId) {
    const { params } = details;
    const missing = details.prompt.details ?? {};
    const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    const grant = existing?.accountId === accountId
      ? existing
      : new provider.Grant({ accountId, clientId: params.client_id });
    const requested = String(params.scope ?? "").split(" ").filter((scope) => supported.has(scope));
    if (requested.length) grant.addOIDCScope(requested.join(" "));
    // Present only on a consent prompt; claims asked for individually rather than through a scope.
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, list] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, /** @type {string[]} */ (list).join(" "));
    }
    return grant.save();
  }

  /** @param {any} details */
  async function clientName(details) {
    const client = await provider.Client.find(String(details.params.client_id));
    return client?.clientName ?? String(details.params.client_id);
  }

  /**
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
   * @param {any} details @param {URLSearchParams} form
   */
  async function submitLogin(req, res, details, form) {
    const locale = pickPageLocale(details.params.ui_locales);
    const t = pageText(locale);
    const username = (form.get("username") ?? "").trim();
    const emailInput = (form.get("email") ?? "").trim();
    /** @type {{ error: string, invalid: "username" | "email" } | undefined} */
    let problem;
    if (!USERNAME.test(username)) {
      problem = {
        invalid: "username",
        error: username ? t.usernameInvalid : t.usernameRequired,
      };
    } else if (emailInput && (emailInput.length > 254 || !EMAIL.test(emailInput))) {
      problem = { invalid: "email", error: t.emailInvalid };
    }
    if (problem) {
      const view = {
        ...formUrls(details.uid), clientName: await clientName(details), username, email: emailInput, ...problem, locale,
        emailPlaceholder: USERNAME.test(username) ? defaultEmail(username) : undefined,
      };
      return sendHtml(res, 400, loginPage(brand, view));
    }
    accounts.set(username, emailInput || defaultEmail(username));
    // Login and consent in one result: no second page, no extra redirect.
    const grantId = await grantEverything(details, username);
    /** @type {Record<string, unknown>} */
    const result = { login: { accountId: username }, consent: { grantId } };
    if (details.prompt.name === "select_account") result.select_account = {};
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }

  /**
   * Routes /interaction/<uid>[/abort]. Anything thrown becomes an error page.
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
   */
  async function handle(req, res) {
    // Until the interaction is known (it may have expired) the browser's languages decide; then ui_locales.
    let locale = pickPageLocale(String(req.headers["accept-language"] ?? "").split(",").map((tag) => tag.split(";")[0]).join(" "));
    let t = pageText(locale);
    try {
      const [, , uid, action] = new URL(req.url ?? "/", "http://localhost").pathname.split("/");
      const details = await provider.interactionDetails(req, res);
      locale = pickPageLocale(details.params.ui_locales);
      t = pageText(locale);
      // The cookie names the interaction; a URL for another one is a stale tab or a forged link.
      if (details.uid !== uid) throw Object.assign(new Error("interaction mismatch"), { name: "SessionNotFound" });

      if (req.method === "POST" && action === "abort") {
        return await provider.interactionFinished(req, res, {
          error: "access_denied", error_description: "The user cancelled the sign-in.",
        }, { mergeWithLastSubmission: false });
      }
      if (action !== undefined) return sendHtml(res, 404, errorPage(brand, t.notFound, t.notFoundText, locale));

      if (details.prompt.name === "consent") {
        // Also covers later authorizations asking for more scopes (e.g. api:read).
        const grantId = await grantEverything(details, details.session.accountId);
        return await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      }
      if (details.prompt.name !== "login" && details.prompt.name !== "select_account") {
        throw new Error(`unsupported prompt ${details.prompt.name}`);
      }
      if (req.method === "POST") return await submitLogin(req, res, details, await readForm(req));
      if (req.method !== "GET") return sendHtml(res, 405, errorPage(brand, t.notAllowed, t.notAllowedText, locale));

      const hint = String(details.params.login_hint ?? "");
      const view = { ...formUrls(uid), clientName: await clientName(details), username: USERNAME.test(hint) ? hint : "", locale };
      return sendHtml(res, 200, loginPage(brand, view));
    } catch (error) {
      const err = /** @type {Error & { statusCode?: number }} */ (error);
      if (err.name === "SessionNotFound") {
        return sendHtml(res, 400, errorPage(brand, t.expired, t.expiredText, locale));
      }
      if (err.statusCode === 413) return sendHtml(res, 413, errorPage(brand, t.tooLarge, t.tooLargeText, locale));
      console.error(`dev-providers (${brand.name}): interaction failed`, err);
      return sendHtml(res, 500, errorPage(brand, t.failed, err.message, locale));
    }
  }

  return { handle };
}

/** @param {string} uid */
function formUrls(uid) {
  const action = `/interaction/${encodeURIComponent(uid)}`;
  return { action, abortAction: `${action}/abort` };
}

/** Reads an application/x-www-form-urlencoded body. @param {import("node:http").IncomingMessage} req */
async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw Object.assign(new Error("body too large"), { statusCode: 413 });
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** @param {import("node:http").ServerResponse} res @param {number} status @param {string} html */
function sendHtml(res, status, html) {
  if (res.headersSent) return;
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    // Nothing on these pages comes from elsewhere; say so. (No form-action: Chrome would apply
    // it to the redirect chain that ends at the app's callback.)
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'",
  });
  res.end(html);
}
