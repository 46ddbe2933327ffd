// The refresh_token grant against a token endpoint that answers the way real ones do, including GitHub's
// error in a 200 body: only a refused grant ends a connection; every other failure leaves tokens alone.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizationServer } from "@/lib/providers/oauth";
import { requestRefresh } from "@/lib/tokens/refresh-grant";

let answer: { status: number; body: string } = { status: 200, body: "{}" };
let received: { headers: IncomingMessage["headers"]; form: URLSearchParams } | undefined;
const server = createServer(async (request, response) => {
  let body = "";
  for await (const chunk of request) body += chunk;
  received = { headers: request.headers, form: new URLSearchParams(body) };
  response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
});
let tokenEndpoint: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  tokenEndpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/login/oauth/access_token`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A provider without discovery, like GitHub: the token endpoint is declared. */
async function refresh(reply: { status: number; body: unknown }) {
  answer = { status: reply.status, body: typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body) };
  const provider = { id: "github", clientId: "client1", clientSecret: "secret1", tokenEndpoint };
  return requestRefresh(provider, await authorizationServer(provider), "stored-refresh-token");
}

describe("requestRefresh", () => {
  it("sends the grant with client authentication, asks for JSON, and returns the new tokens with their expiry", async () => {
    const before = Math.floor(Date.now() / 1000);
    const outcome = await refresh({
      status: 200,
      body: { access_token: "new-access", token_type: "bearer", expires_in: 28_800, refresh_token: "new-refresh", scope: "read:user" },
    });
    expect(outcome).toMatchObject({ kind: "ok", tokens: { access_token: "new-access", refresh_token: "new-refresh", scope: "read:user" } });
    const expiresAt = outcome.kind === "ok" ? outcome.tokens.expires_at : null;
    expect(expiresAt).toBeGreaterThanOrEqual(before + 28_800);
    expect(expiresAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 28_800);
    // GitHub answers form-encoded unless asked for JSON.
    expect(received?.headers.accept).toBe("application/json");
    expect(received?.headers.authorization).toBe(`Basic ${Buffer.from("client1:secret1").toString("base64")}`);
    expect(Object.fromEntries(received!.form)).toEqual({ grant_type: "refresh_token", refresh_token: "stored-refresh-token" });
  });

  it("keeps expiry unknown when the provider gives none", async () => {
    const outcome = await refresh({ status: 200, body: { access_token: "a", token_type: "bearer" } });
    expect(outcome).toMatchObject({ kind: "ok", tokens: { access_token: "a", expires_at: null } });
  });

  it("treats invalid_grant as refused, whether as an RFC 6749 error or GitHub's bad_refresh_token in a 200 body", async () => {
    const refused = { kind: "invalid_grant", detail: "the provider refused the refresh token" };
    expect(await refresh({ status: 400, body: { error: "invalid_grant" } })).toEqual(refused);
    expect(await refresh({ status: 200, body: { error: "bad_refresh_token", error_description: "The refresh token passed is incorrect or expired." } })).toEqual(refused);
  });

  it("treats every other failure as transient", async () => {
    expect(await refresh({ status: 200, body: { error: "incorrect_client_credentials" } })).toEqual({ kind: "transient", detail: "the provider answered HTTP 400" });
    expect(await refresh({ status: 400, body: { error: "invalid_client" } })).toEqual({ kind: "transient", detail: "the provider answered HTTP 400" });
    expect(await refresh({ status: 503, body: "unavailable" })).toEqual({ kind: "transient", detail: "the provider answered HTTP 503" });
    expect(await refresh({ status: 200, body: "<html>not json" })).toEqual({ kind: "transient", detail: "the provider sent a malformed response" });
    expect(await refresh({ status: 200, body: { token_type: "bearer" } })).toEqual({ kind: "transient", detail: "the provider sent a malformed response" });
  });
});
