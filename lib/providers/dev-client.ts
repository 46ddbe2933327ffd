// The static client the local development providers register (dev-providers/). Not a secret: those
// providers only run on a developer's machine or in tests, never in production unless explicitly enabled.
export const DEV_CLIENT = { clientId: "dev-app", clientSecret: "dev-app-secret-not-for-production" } as const;

/**
 * What Acme ID and Globex ID share: the static client, an extra scope for "Grant more access", and the
 * username as login hint (their login page asks for one).
 */
export const devProviderOptions = { ...DEV_CLIENT, extraScopes: ["api:read"], loginHintClaim: "username" as const };
