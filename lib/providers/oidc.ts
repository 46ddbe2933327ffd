// Any OpenID Connect issuer, shown as AUTH_OIDC_NAME.
import { defineProvider } from "./define";
import { genericLogo } from "./logo";
import { oidcProvider } from "./openid-connect";

export default defineProvider({
  order: 8,
  env: { prefix: "AUTH_OIDC", required: ["ISSUER", "ID", "SECRET"], optional: ["NAME"] },
  logo: genericLogo,
  create: ({ ISSUER, ID, SECRET, NAME }) =>
    oidcProvider({ id: "oidc", name: NAME ?? "OpenID Connect", issuer: ISSUER, clientId: ID, clientSecret: SECRET }),
});
