// "Call API" outcomes as the person reads them: a summary, or a message that never exposes internals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { obtainTokens } from "./support/oidc-client";
import { startProvidersForTests } from "./support/dev-provider-env";

let providers: Awaited<ReturnType<typeof startProvidersForTests>>;
let db: typeof import("@/lib/db").db;
let tokenColumns: typeof import("@/lib/tokens/columns").tokenColumns;
let callProviderApi: typeof import("@/lib/accounts/call-provider-api").callProviderApi;

beforeAll(async () => {
  providers = await startProvidersForTests();
  ({ db } = await import("@/lib/db"));
  ({ tokenColumns } = await import("@/lib/tokens/columns"));
  ({ callProviderApi } = await import("@/lib/accounts/call-provider-api"));
});
afterAll(() => providers?.dev.close());

async function connected(provider: { id: string; issuer: string }, username: string) {
  const tokens = await obtainTokens(provider, { username });
  const user = await db.user.create({ data: { email: `${username}@example.test` } });
  const account = await db.account.create({
    data: { userId: user.id, type: "oidc", provider: provider.id, providerAccountId: username, ...tokenColumns(tokens) },
  });
  return { userId: user.id, connectionId: account.id };
}

describe("callProviderApi", () => {
  it("summarizes the provider's answer", async () => {
    const { userId, connectionId } = await connected(providers.acme, "caller");
    expect(await callProviderApi(userId, connectionId)).toEqual({ ok: true, summary: "userinfo for caller" });
  });

  it("calls the connection it is given: two accounts of one provider answer as themselves", async () => {
    const first = await connected(providers.globex, "two.first");
    const second = await db.account.create({
      data: {
        userId: first.userId, type: "oidc", provider: "globex", providerAccountId: "two.second",
        ...tokenColumns(await obtainTokens(providers.globex, { username: "two.second" })),
      },
    });
    expect(await callProviderApi(first.userId, first.connectionId)).toEqual({ ok: true, summary: "userinfo for two.first" });
    expect(await callProviderApi(first.userId, second.id)).toEqual({ ok: true, summary: "userinfo for two.second" });
  });

  it("says plainly when the connection is not this user's, is unknown or needs reconnecting", async () => {
    const { userId, connectionId } = await connected(providers.acme, "stale");
    const other = await connected(providers.acme, "stale.other");
    const before = await db.account.findUniqueOrThrow({ where: { id: other.connectionId } });
    expect(await callProviderApi(userId, other.connectionId)).toEqual({ ok: false, summary: "That account is not connected." });
    expect(await callProviderApi(userId, "no-such-connection")).toEqual({ ok: false, summary: "That account is not connected." });
    expect(await db.account.findUniqueOrThrow({ where: { id: other.connectionId } })).toEqual(before);
    await db.account.updateMany({ where: { userId }, data: { status: "needs_reconnect" } });
    expect(await callProviderApi(userId, connectionId)).toEqual({ ok: false, summary: "Acme ID needs to be reconnected." });
  });

  it("shows a generic line, not internals, for anything unexpected (here: the provider's server is gone)", async () => {
    const { userId, connectionId } = await connected(providers.globex, "orphan");
    await providers.dev.close();
    const result = await callProviderApi(userId, connectionId);
    expect(result).toEqual({ ok: false, summary: "something went wrong on our side; please try again" });
  });
});
