/** Auth.js's session cookie, with and without the prefix it uses on https. */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;
