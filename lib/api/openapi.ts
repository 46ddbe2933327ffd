// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. tests/openapi.test.ts validates it
// and checks that its paths and the route files under app/api/v1 match one to one.
import { problemCatalog } from "./problem";

const problemRef = { $ref: "#/components/responses/Problem" };
const problems = (...codes: (keyof typeof problemCatalog)[]) =>
  Object.fromEntries([...new Set(codes.map((code) => String(problemCatalog[code].status)))].map((status) => [status, problemRef]));
const connectionId = { name: "id", in: "path", required: true, description: "The connection's id (from the connections list).", schema: { type: "string" } };

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Connected accounts: service API",
    version: "1.0.0",
    description:
      "Lets other services act for a person through the provider accounts the person connected. Every call needs a service " +
      "key (`npm run keys:create`) sent as `Authorization: Bearer <key>`. A connection can only be used after the person " +
      "turns on \"Allow services to use this connection\" on /settings/accounts. Errors are RFC 9457 problem documents.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ serviceKey: [] }],
  paths: {
    "/users/{userId}/connections": {
      get: {
        operationId: "listConnections",
        summary: "A person's connections, without tokens (scope connections:read)",
        parameters: [{ name: "userId", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "The connections the key may see (a key limited to providers sees only those).",
            content: {
              "application/json": {
                schema: { type: "object", required: ["connections"], properties: { connections: { type: "array", items: { $ref: "#/components/schemas/Connection" } } } },
              },
            },
          },
          ...problems("unauthorized", "insufficient_scope", "not_found", "rate_limited"),
        },
      },
    },
    "/connections/{id}/token": {
      post: {
        operationId: "getConnectionToken",
        summary: "A usable access token for the connection (scope tokens:read)",
        description: "Refreshed first when it expires within a minute (or the last quarter of a short lifetime), through the same single flight as the app itself: concurrent callers on any instance cause one refresh.",
        parameters: [connectionId],
        responses: {
          "200": { description: "The token.", content: { "application/json": { schema: { $ref: "#/components/schemas/Token" } } } },
          ...problems("unauthorized", "insufficient_scope", "consent_required", "not_found", "reconnect_required", "rate_limited", "temporarily_unavailable"),
        },
      },
    },
    "/connections/{id}/proxy": {
      post: {
        operationId: "proxyCall",
        summary: "Call the provider's API with the person's token, which never leaves the server (scope proxy)",
        description:
          "The host is always the provider's own API base (e.g. https://api.github.com; the issuer's origin for OpenID Connect providers). " +
          "`path` must start with a single `/` and may not contain `..`, `.`, backslashes, encoded `.`/`/`/`\\`, `?` or `#`. " +
          "On a 401 from the provider the token is refreshed once and the call retried once. The provider's status, body and a few headers " +
          "(content-type, etag, last-modified, link, retry-after, location) are passed on; answers over 1 MiB are refused (502).",
        parameters: [connectionId],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ProxyRequest" } } } },
        responses: {
          default: { description: "The provider's answer, passed on as it came (any status)." },
          ...problems("invalid_request", "path_not_allowed", "unauthorized", "insufficient_scope", "consent_required", "not_found", "reconnect_required", "payload_too_large", "rate_limited", "upstream_error", "temporarily_unavailable"),
        },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "openApiDocument",
        summary: "This document",
        security: [],
        responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  },
  components: {
    securitySchemes: {
      serviceKey: { type: "http", scheme: "bearer", description: "A service key: `cak_<prefix>_<secret>`. Only its hash is stored." },
    },
    responses: {
      Problem: {
        description: "An RFC 9457 problem document. 429 answers carry Retry-After.",
        headers: { "Retry-After": { description: "Seconds until the key may call again (429 only).", schema: { type: "integer" } } },
        content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
      },
    },
    schemas: {
      Connection: {
        type: "object",
        required: ["id", "provider", "identity", "label", "scopes", "status", "services_allowed"],
        properties: {
          id: { type: "string" },
          provider: { type: "string", examples: ["github"] },
          identity: { type: "string", description: "The person's username, email or account id at the provider." },
          label: { type: ["string", "null"], description: "The person's own name for this connection." },
          scopes: { type: "array", items: { type: "string" } },
          status: { type: "string", enum: ["active", "needs_reconnect", "revoked"] },
          services_allowed: { type: "boolean", description: "False: token and proxy answer consent_required." },
        },
      },
      Token: {
        type: "object",
        required: ["access_token", "token_type", "expires_at", "scopes"],
        properties: {
          access_token: { type: "string" },
          token_type: { type: "string", const: "Bearer" },
          expires_at: { type: ["integer", "null"], description: "Unix time in seconds; null when the provider set no expiry." },
          scopes: { type: "array", items: { type: "string" } },
        },
      },
      ProxyRequest: {
        type: "object",
        required: ["method", "path"],
        additionalProperties: false,
        properties: {
          method: { type: "string", enum: ["GET", "POST", "PUT", "PATCH", "DELETE"] },
          path: { type: "string", pattern: "^/(?!/)", maxLength: 2048, examples: ["/user/repos"] },
          query: { type: "object", additionalProperties: { oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] } },
          body: { description: "Any JSON value, sent as application/json (not for GET or DELETE). The whole request is limited to 64 KiB (413)." },
        },
      },
      Problem: {
        type: "object",
        required: ["type", "code", "title", "status", "detail"],
        properties: {
          type: { type: "string", format: "uri", examples: ["urn:connected-accounts:problem:consent_required"] },
          code: { type: "string", enum: Object.keys(problemCatalog) },
          title: { type: "string" },
          status: { type: "integer" },
          detail: { type: "string" },
        },
      },
    },
  },
} as const;
