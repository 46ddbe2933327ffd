// HTML pages of the development identity providers. Self-contained on purpose (inline CSS, no
// fonts, images or scripts from elsewhere) so they work offline and leak nothing. They follow the
// system's colour scheme and the client's `ui_locales` (English or Japanese).

/** @typedef {{ name: string, color: string, colorDark: string, tint: string }} Brand */
/** @typedef {"en" | "ja"} PageLocale */

/** Escapes text for HTML element content and quoted attribute values. @param {unknown} value */
export function escapeHtml(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const text = {
  en: {
    signIn: "Sign in",
    signInTo: (/** @type {string} */ name) => `Sign in to ${name}`,
    toContinue: (/** @type {string} */ client) => `to continue to ${client}`,
    username: "Username",
    email: "Email",
    optional: "(optional)",
    emailPlaceholder: "<username>@example.test",
    cancel: "Cancel",
    note: "Local development identity provider. Any username works; there are no passwords.",
    signingOut: "Signing out",
    signingOutHeading: "Signing you out…",
    endingSession: (/** @type {string} */ name) => `Ending your ${name} session.`,
    signedOut: "Signed out",
    signedOutHeading: "You are signed out",
    signedOutLead: (/** @type {string} */ name) => `Your ${name} session has ended. You can close this tab.`,
    usernameRequired: "Enter a username.",
    usernameInvalid: "Usernames are 1 to 64 characters: letters, digits, dots, dashes and underscores.",
    emailInvalid: "Enter an email address like name@example.test, or leave it empty.",
    notFound: "Not found",
    notFoundText: "There is nothing here.",
    notAllowed: "Not allowed",
    notAllowedText: "Use the sign-in form.",
    expired: "Sign-in expired",
    expiredText: "This sign-in request has expired or was already completed. Go back to the app and start again.",
    tooLarge: "Too large",
    tooLargeText: "The form was too large.",
    failed: "Something went wrong",
  },
  ja: {
    signIn: "ログイン",
    signInTo: (/** @type {string} */ name) => `${name} にログイン`,
    toContinue: (/** @type {string} */ client) => `${client} に進みます`,
    username: "ユーザー名",
    email: "メールアドレス",
    optional: "（任意）",
    emailPlaceholder: "<ユーザー名>@example.test",
    cancel: "キャンセル",
    note: "ローカル開発用の ID プロバイダーです。どのユーザー名でもログインでき、パスワードはありません。",
    signingOut: "ログアウト中",
    signingOutHeading: "ログアウトしています…",
    endingSession: (/** @type {string} */ name) => `${name} のセッションを終了しています。`,
    signedOut: "ログアウトしました",
    signedOutHeading: "ログアウトしました",
    signedOutLead: (/** @type {string} */ name) => `${name} のセッションは終了しました。このタブは閉じてかまいません。`,
    usernameRequired: "ユーザー名を入力してください。",
    usernameInvalid: "ユーザー名は 1〜64 文字の英数字、ドット、ハイフン、アンダースコアで入力してください。",
    emailInvalid: "name@example.test のようなメールアドレスを入力するか、空欄のままにしてください。",
    notFound: "見つかりません",
    notFoundText: "ここには何もありません。",
    notAllowed: "許可されていません",
    notAllowedText: "ログインフォームを使ってください。",
    expired: "ログインの有効期限切れ",
    expiredText: "このログインリクエストは期限切れか、すでに完了しています。アプリに戻ってやり直してください。",
    tooLarge: "大きすぎます",
    tooLargeText: "フォームの内容が大きすぎます。",
    failed: "問題が発生しました",
  },
};

/** The page texts of a locale. @param {PageLocale} [locale] */
export function pageText(locale = "en") {
  return text[locale] ?? text.en;
}

/**
 * The first supported language of an OpenID Connect `ui_locales` value ("ja-JP en" → "ja").
 * @param {unknown} uiLocales @returns {PageLocale}
 */
export function pickPageLocale(uiLocales) {
  for (const tag of String(uiLocales ?? "").slice(0, 200).split(/\s+/)) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "ja" || base === "en") return base;
  }
  return "en";
}

/** @param {Brand} brand @param {string} title @param {string} body @param {PageLocale} [locale] */
function layout(brand, title, body, locale = "en") {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · ${escapeHtml(brand.name)}</title>
<style>
  *{box-sizing:border-box}
  :root{color-scheme:light dark}
  body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:24px;
    font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Hiragino Sans","Noto Sans CJK JP",sans-serif;color:#1f2937;
    background:linear-gradient(160deg,${brand.tint} 0%,#f8fafc 60%)}
  main{width:100%;max-width:400px;background:#fff;border-radius:16px;padding:32px;
    box-shadow:0 1px 2px rgba(15,23,42,.06),0 12px 32px rgba(15,23,42,.10)}
  .brand{display:flex;align-items:center;gap:10px;font-weight:600;color:${brand.colorDark};margin-bottom:20px}
  .mark{width:36px;height:36px;border-radius:10px;background:${brand.colorDark};color:#fff;display:grid;
    place-items:center;font-weight:700;font-size:18px}
  h1{font-size:22px;line-height:1.3;margin:0 0 4px}
  p.sub{margin:0 0 24px;color:#4b5563}
  label{display:block;font-weight:600;font-size:14px;margin:16px 0 6px}
  label span{font-weight:400;color:#4b5563}
  input{width:100%;padding:10px 12px;font:inherit;color:inherit;border:1px solid #9ca3af;border-radius:8px;background:#fff}
  input::placeholder{color:#6b7280}
  input:focus{outline:none;border-color:${brand.colorDark};box-shadow:0 0 0 3px ${brand.color}55}
  input[aria-invalid=true]{border-color:#dc2626}
  /* colorDark, not color: white on the brand colour is below 4.5:1 for some brands (Globex's emerald). */
  button{width:100%;margin-top:24px;padding:11px 16px;font:inherit;font-weight:600;color:#fff;
    background:${brand.colorDark};border:0;border-radius:8px;cursor:pointer}
  button:hover{filter:brightness(.88)}
  button:focus-visible{outline:3px solid ${brand.color};outline-offset:2px}
  button.link{width:auto;margin:12px auto 0;display:block;padding:4px 8px;background:none;color:#4b5563;font-weight:500}
  button.link:hover{filter:none;color:#111827;text-decoration:underline}
  .error{margin:0 0 8px;padding:10px 12px;border-radius:8px;background:#fef2f2;color:#991b1b;border:1px solid #fecaca}
  .note{margin:24px 0 0;font-size:13px;color:#4b5563;text-align:center}
  code{font-size:13px}
  @media (prefers-color-scheme: dark){
    body{color:#e5e7eb;background:linear-gradient(160deg,#1e293b 0%,#020617 60%)}
    main{background:#0f172a;box-shadow:0 0 0 1px #1e293b,0 12px 32px rgba(0,0,0,.5)}
    .brand{color:#e5e7eb}
    p.sub,label span,.note,button.link{color:#9ca3af}
    button.link:hover{color:#f9fafb}
    input{background:#020617;border-color:#475569}
    input::placeholder{color:#94a3b8}
    .error{background:#450a0a;color:#fecaca;border-color:#7f1d1d}
  }
</style>
</head>
<body>
<main>
  <div class="brand"><div class="mark" aria-hidden="true">${escapeHtml(brand.name[0])}</div>${escapeHtml(brand.name)}</div>
${body}
  <p class="note">${escapeHtml(pageText(locale).note)}</p>
</main>
</body>
</html>`;
}

/**
 * @param {Brand} brand
 * @param {{ action: string, abortAction: string, clientName: string, username?: string, email?: string,
 *   emailPlaceholder?: string, error?: string, invalid?: "username" | "email", locale?: PageLocale }} view
 */
export function loginPage(brand, view) {
  const t = pageText(view.locale);
  const placeholder = view.emailPlaceholder ?? t.emailPlaceholder;
  const invalid = (/** @type {string} */ field) => (view.invalid === field ? ' aria-invalid="true" aria-describedby="error"' : "");
  return layout(brand, t.signIn, `
  <h1>${escapeHtml(t.signInTo(brand.name))}</h1>
  <p class="sub">${escapeHtml(t.toContinue(view.clientName))}</p>
  ${view.error ? `<p class="error" id="error" role="alert">${escapeHtml(view.error)}</p>` : ""}
  <form method="post" action="${escapeHtml(view.action)}" novalidate>
    <label for="username">${escapeHtml(t.username)}</label>
    <input id="username" name="username" type="text" required maxlength="64" autocomplete="username"
      autocapitalize="none" spellcheck="false" pattern="[A-Za-z0-9._\\-]{1,64}" value="${escapeHtml(view.username)}"${invalid("username")} autofocus>
    <label for="email">${escapeHtml(t.email)} <span>${escapeHtml(t.optional)}</span></label>
    <input id="email" name="email" type="email" autocomplete="email" placeholder="${escapeHtml(placeholder)}"
      value="${escapeHtml(view.email)}"${invalid("email")}>
    <button type="submit">${escapeHtml(t.signIn)}</button>
  </form>
  <form method="post" action="${escapeHtml(view.abortAction)}"><button class="link" type="submit">${escapeHtml(t.cancel)}</button></form>`, view.locale);
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

/** @param {Brand} brand @param {string} title @param {string} message @param {PageLocale} [locale] */
export function errorPage(brand, title, message, locale = "en") {
  return layout(brand, title, `
  <h1>${escapeHtml(title)}</h1>
  <p class="error" role="alert">${escapeHtml(message)}</p>`, locale);
}
