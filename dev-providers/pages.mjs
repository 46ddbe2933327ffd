// HTML pages of the development identity providers. Self-contained on purpose (inline CSS, no
// fonts, images or scripts from elsewhere) so they work offline and leak nothing.

/** @typedef {{ name: string, color: string, colorDark: string, tint: string }} Brand */

/** Escapes text for HTML element content and quoted attribute values. @param {unknown} value */
export function escapeHtml(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** @param {Brand} brand @param {string} title @param {string} body */
function layout(brand, title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · ${escapeHtml(brand.name)}</title>
<style>
  *{box-sizing:border-box}
  body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:24px;
    font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;
    background:linear-gradient(160deg,${brand.tint} 0%,#f8fafc 60%)}
  main{width:100%;max-width:400px;background:#fff;border-radius:16px;padding:32px;
    box-shadow:0 1px 2px rgba(15,23,42,.06),0 12px 32px rgba(15,23,42,.10)}
  .brand{display:flex;align-items:center;gap:10px;font-weight:600;color:${brand.colorDark};margin-bottom:20px}
  .mark{width:36px;height:36px;border-radius:10px;background:${brand.color};color:#fff;display:grid;
    place-items:center;font-weight:700;font-size:18px}
  h1{font-size:22px;line-height:1.3;margin:0 0 4px}
  p.sub{margin:0 0 24px;color:#6b7280}
  label{display:block;font-weight:600;font-size:14px;margin:16px 0 6px}
  label span{font-weight:400;color:#6b7280}
  input{width:100%;padding:10px 12px;font:inherit;border:1px solid #d1d5db;border-radius:8px;background:#fff}
  input:focus{outline:none;border-color:${brand.color};box-shadow:0 0 0 3px ${brand.tint}}
  input[aria-invalid=true]{border-color:#dc2626}
  button{width:100%;margin-top:24px;padding:11px 16px;font:inherit;font-weight:600;color:#fff;
    background:${brand.color};border:0;border-radius:8px;cursor:pointer}
  button:hover,button:focus-visible{background:${brand.colorDark}}
  button.link{width:auto;margin:12px auto 0;display:block;padding:4px 8px;background:none;color:#6b7280;font-weight:500}
  button.link:hover{background:none;color:#111827;text-decoration:underline}
  .error{margin:0 0 8px;padding:10px 12px;border-radius:8px;background:#fef2f2;color:#991b1b;border:1px solid #fecaca}
  .note{margin:24px 0 0;font-size:13px;color:#6b7280;text-align:center}
  code{font-size:13px}
</style>
</head>
<body>
<main>
  <div class="brand"><div class="mark" aria-hidden="true">${escapeHtml(brand.name[0])}</div>${escapeHtml(brand.name)}</div>
${body}
  <p class="note">Local development identity provider. Any username works; there are no passwords.</p>
</main>
</body>
</html>`;
}

/**
 * @param {Brand} brand
 * @param {{ action: string, abortAction: string, clientName: string, username?: string, email?: string,
 *   emailPlaceholder?: string, error?: string, invalid?: "username" | "email" }} view
 */
export function loginPage(brand, view) {
  const placeholder = view.emailPlaceholder ?? "<username>@example.test";
  const invalid = (/** @type {string} */ field) => (view.invalid === field ? ' aria-invalid="true" aria-describedby="error"' : "");
  return layout(brand, "Sign in", `
  <h1>Sign in to ${escapeHtml(brand.name)}</h1>
  <p class="sub">to continue to ${escapeHtml(view.clientName)}</p>
  ${view.error ? `<p class="error" id="error" role="alert">${escapeHtml(view.error)}</p>` : ""}
  <form method="post" action="${escapeHtml(view.action)}" novalidate>
    <label for="username">Username</label>
    <input id="username" name="username" type="text" required maxlength="64" autocomplete="username"
      autocapitalize="none" spellcheck="false" pattern="[A-Za-z0-9._\\-]{1,64}" value="${escapeHtml(view.username)}"${invalid("username")} autofocus>
    <label for="email">Email <span>(optional)</span></label>
    <input id="email" name="email" type="email" autocomplete="email" placeholder="${escapeHtml(placeholder)}"
      value="${escapeHtml(view.email)}"${invalid("email")}>
    <button type="submit">Sign in</button>
  </form>
  <form method="post" action="${escapeHtml(view.abortAction)}"><button class="link" type="submit">Cancel</button></form>`);
}

/**
 * RP-initiated logout confirmation. It submits itself: a development IdP has nobody to ask, and
 * logout=yes ends the provider session too, not just the one client's.
 * @param {Brand} brand @param {string} form oidc-provider's <form id="op.logoutForm"> with its xsrf input
 */
export function logoutPage(brand, form) {
  const withLogout = form.replace("</form>", '<input type="hidden" name="logout" value="yes"/><noscript><button type="submit">Sign out</button></noscript></form>');
  return layout(brand, "Signing out", `
  <h1>Signing you out…</h1>
  <p class="sub">Ending your ${escapeHtml(brand.name)} session.</p>
  ${withLogout}
  <script>document.getElementById("op.logoutForm").submit()</script>`);
}

/** Shown after logout when the client gave no post_logout_redirect_uri. @param {Brand} brand */
export function loggedOutPage(brand) {
  return layout(brand, "Signed out", `
  <h1>You are signed out</h1>
  <p class="sub">Your ${escapeHtml(brand.name)} session has ended. You can close this tab.</p>`);
}

/** @param {Brand} brand @param {string} title @param {string} message */
export function errorPage(brand, title, message) {
  return layout(brand, title, `
  <h1>${escapeHtml(title)}</h1>
  <p class="error" role="alert">${escapeHtml(message)}</p>`);
}
