// Acme ID, a local development provider (dev-providers/): puts the profile in the ID token.
import { defineProvider } from "./define";
import { devProviderOptions } from "./dev-client";
import { oidcProvider } from "./openid-connect";

export default defineProvider({
  order: 1,
  env: { prefix: "DEV_ACME", required: ["ISSUER"], defaults: { ISSUER: "http://localhost:3101" } },
  enabledBy: "dev",
  // Indigo, like its login page: a peak.
  logo: { tile: "#4f46e5", shapes: [{ d: "M5 17.5 10.5 7l3.2 6 1.8-3 3.5 7.5Z", fill: "#fff" }] },
  create: ({ ISSUER }) => oidcProvider({ id: "acme", name: "Acme ID", issuer: ISSUER, ...devProviderOptions }),
});
