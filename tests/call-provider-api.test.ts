// "Call API" outcomes as the person reads them: a summary, or a message that never exposes internals.
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listValues } from "@/lib/providers/api-response";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { obtainTokens } from "./support/oidc-client";
import { startProvidersForTests } from "./support/dev-provider-env";

let providers: Awaited<ReturnType<typeof startProvidersForTests>>;
let db: typeof import("@/lib/db").db;
let tokenColumns: typeof import("@/lib/tokens/columns").tokenColumns;
let callProviderApi: typeof import("@/lib/accounts/call-provider-api").callProviderApi;
let runProviderApiCall: typeof import("@/lib/accounts/call-provider-api").runProviderApiCall;

beforeAll(async () => {
  providers = await startProvidersForTests();
  ({ db } = await import("@/lib/db"));
  ({ tokenColumns } = await import("@/lib/tokens/columns"));
  ({ callProviderApi, runProviderApiCall } = await import("@/lib/accounts/call-provider-api"));
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

describe("Call API results in the person's language (messages: apiResult)", () => {
  const tEn = createTranslator({ locale: "en", messages: en, namespace: "apiResult" });
  const tJa = createTranslator({ locale: "ja", messages: ja, namespace: "apiResult" });

  it("are descriptors, not sentences, until they are shown", async () => {
    const { userId, connectionId } = await connected(providers.acme, "polyglot");
    expect(await runProviderApiCall(userId, connectionId)).toEqual({ ok: true, result: { key: "userinfo", values: { name: "polyglot" } } });
    expect(tJa("userinfo", { name: "polyglot" })).toBe("polyglot のユーザー情報 (userinfo)");
    expect(await runProviderApiCall(userId, "no-such-connection")).toEqual({ ok: false, result: { key: "notConnected" } });
    expect(tJa("notConnected")).toBe("そのアカウントは接続されていません。");
  });

  it("count in the reader's language, with the English wording unchanged", () => {
    const repositories = (names: string[]) => ({ login: "octocat", ...listValues(names) });
    expect(tEn("githubRepositories", repositories([]))).toBe("@octocat, 0 repositories");
    expect(tEn("githubRepositories", repositories(["o/a"]))).toBe("@octocat, 1 repository: o/a");
    expect(tEn("githubRepositories", repositories(["o/a", "o/b", "o/c", "o/d"]))).toBe("@octocat, 4 repositories: o/a, o/b, o/c, …");
    expect(tJa("githubRepositories", repositories(["o/a", "o/b"]))).toBe("@octocat、リポジトリ 2件: o/a, o/b");
    expect(tEn("googleTaskLists", listValues(["Home"]))).toBe("1 task list: Home");
    expect(tJa("googleTaskLists", listValues([]))).toBe("タスクリストはありません");
  });

  it("name a failing API, the userinfo endpoint in words of each language", () => {
    expect(tEn("refused", { api: "GitHub", status: 403 })).toBe("GitHub was refused (HTTP 403); grant more access or reconnect");
    expect(tEn("httpError", { api: "userinfo", status: 500 })).toBe("The userinfo endpoint answered HTTP 500");
    expect(tJa("httpError", { api: "userinfo", status: 500 })).toBe("userinfo エンドポイントが HTTP 500 を返しました");
    expect(tEn("unexpected")).toBe("something went wrong on our side; please try again");
  });
});

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
