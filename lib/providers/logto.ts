// Logto (an OpenID Connect issuer): the issuer is the tenant's OIDC endpoint, e.g. https://your-tenant.logto.app/oidc.
import { defineProvider } from "./define";
import { oidcProvider } from "./openid-connect";

export default defineProvider({
  order: 7,
  env: { prefix: "AUTH_LOGTO", required: ["ISSUER", "ID", "SECRET"] },
  // Not in simple-icons: Logto's violet, a rounded "L" block.
  logo: { tile: "#5d34f2", shapes: [{ d: "M8 6.5h3v8h5v3H8Z", fill: "#fff" }] },
  create: ({ ISSUER, ID, SECRET }) =>
    oidcProvider({ id: "logto", name: "Logto", issuer: ISSUER, clientId: ID, clientSecret: SECRET, scope: "openid offline_access profile email" }),
});
