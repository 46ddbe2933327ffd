// Globex ID, a local development provider (dev-providers/): standards-conformant, so its ID token holds only
// `sub` and the profile comes from userinfo, as with Okta and most OpenID issuers.
import { defineProvider } from "./define";
import { devProviderOptions } from "./dev-client";
import { oidcProvider } from "./openid-connect";

export default defineProvider({
  order: 2,
  env: { prefix: "DEV_GLOBEX", required: ["ISSUER"], defaults: { ISSUER: "http://localhost:3102" } },
  enabledBy: "dev",
  // Emerald, like its login page: a globe.
  logo: {
    tile: "#059669",
    shapes: [
      { d: "M5.5 12a6.5 6.5 0 1 0 13 0a6.5 6.5 0 1 0 -13 0", fill: "none", stroke: "#fff", strokeWidth: 1.8 },
      {
        d: "M5.5 12h13M12 5.5c1.8 1.9 2.7 4 2.7 6.5s-.9 4.6-2.7 6.5c-1.8-1.9-2.7-4-2.7-6.5s.9-4.6 2.7-6.5Z",
        fill: "none", stroke: "#fff", strokeWidth: 1.4,
      },
    ],
  },
  create: ({ ISSUER }) => oidcProvider({ id: "globex", name: "Globex ID", issuer: ISSUER, ...devProviderOptions }),
});
