// The static client the local development providers register (dev-providers/). Not a secret: those
// providers only run on a developer's machine or in tests, never in production unless explicitly enabled.
export const DEV_CLIENT = { clientId: "dev-app", clientSecret: "dev-app-secret-not-for-production" } as const;
