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
  await db.account.create({
    data: { userId: user.id, type: "oidc", provider: provider.id, providerAccountId: username, ...tokenColumns(tokens) },
  });
  return user.id;
}

describe("callProviderApi", () => {
  it("summarizes the provider's answer", async () => {
    const userId = await connected(providers.acme, "caller");
    expect(await callProviderApi(userId, "acme")).toEqual({ ok: true, summary: "userinfo for caller" });
  });

  it("says plainly when the provider is not connected or needs reconnecting", async () => {
    const userId = await connected(providers.acme, "stale");
    expect(await callProviderApi(userId, "globex")).toEqual({ ok: false, summary: "Globex ID is not connected." });
    await db.account.updateMany({ where: { userId }, data: { status: "needs_reconnect" } });
    expect(await callProviderApi(userId, "acme")).toEqual({ ok: false, summary: "Acme ID needs to be reconnected." });
  });

  it("shows a generic line, not internals, for anything unexpected (here: the provider's server is gone)", async () => {
    const userId = await connected(providers.globex, "orphan");
    await providers.dev.close();
    const result = await callProviderApi(userId, "globex");
    expect(result).toEqual({ ok: false, summary: "something went wrong on our side; please try again" });
  });
});
