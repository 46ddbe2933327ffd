// Messages made on the server read in the person's language: input validation, action results and
// activity details. (Rate-limit wording is in tests/security-rules.test.ts.)
import { describe, expect, it } from "vitest";
import { translator } from "@/i18n/translator";
import { validationMessage } from "@/lib/actions/validation";
import { readActivityDetail } from "@/lib/activity";
import { FAILURES, failureMessage, httpFailure } from "@/lib/providers/failure";
import { LABEL_MAX_LENGTH } from "@/lib/accounts/connection-settings";
import { labelInput, providerInput } from "@/app/settings/accounts/schemas";
import { renamePasskeyInput } from "@/app/settings/security/schemas";

function firstError(result: { success: boolean; error?: Parameters<typeof validationMessage>[0] }) {
  if (result.success || !result.error) throw new Error("expected the input to be refused");
  return validationMessage(result.error);
}

describe("validation messages", () => {
  it("are message keys, translated with their limits in both languages", () => {
    const tooLong = firstError(labelInput.safeParse({ connectionId: "abc", label: "x".repeat(LABEL_MAX_LENGTH + 1) }));
    expect(tooLong).toEqual({ key: "labelTooLong", values: { max: LABEL_MAX_LENGTH } });
    expect(translator("en")(`validation.${tooLong.key}`, tooLong.values)).toBe(`Labels are at most ${LABEL_MAX_LENGTH} characters.`);
    expect(translator("ja")(`validation.${tooLong.key}`, tooLong.values)).toBe(`ラベルは ${LABEL_MAX_LENGTH} 文字以内で入力してください。`);

    expect(firstError(providerInput.safeParse({ provider: "myspace" })).key).toBe("unknownProvider");
    expect(firstError(providerInput.safeParse({})).key).toBe("chooseProvider");
    expect(firstError(renamePasskeyInput.safeParse({ passkeyId: "a".repeat(20), name: "  " })).key).toBe("enterName");
  });

  it("fall back to a generic message for zod's own (English) ones", () => {
    expect(firstError(labelInput.safeParse({ connectionId: 5, label: "ok" })).key).toBe("chooseAccount");
    const generic = validationMessage({ issues: [{ code: "custom", message: "Invalid input", path: [] }] } as never);
    expect(generic.key).toBe("invalid");
    expect(translator("ja")("validation.invalid")).toBe("リクエストの内容が正しくありません。");
  });
});

describe("action results", () => {
  it("keep the English Call API prefixes browser tests read, and have Japanese ones", () => {
    expect(translator("en")("accounts.results.apiSucceeded", { summary: "200 OK" })).toBe("API call succeeded: 200 OK");
    expect(translator("en")("accounts.results.apiFailed", { summary: "timeout" })).toBe("API call failed: timeout");
    expect(translator("ja")("accounts.results.apiSucceeded", { summary: "200 OK" })).toBe("API の呼び出しに成功しました：200 OK");
    expect(translator("ja")("accounts.results.labelSaved")).toBe("ラベルを保存しました。");
  });

  it("count sessions with plurals", () => {
    expect(translator("en")("security.results.signedOutOthers", { count: 1 })).toBe("Signed out of 1 other session.");
    expect(translator("en")("security.results.signedOutOthers", { count: 3 })).toBe("Signed out of 3 other sessions.");
    expect(translator("ja")("security.results.signedOutOthers", { count: 3 })).toBe("他の 3 件のセッションからログアウトしました。");
  });
});

describe("activity details", () => {
  it("are stored as a key and values, and older English rows stay readable", () => {
    expect(readActivityDetail('msg:{"key":"sessionsSignedOut","values":{"count":2}}')).toEqual({ key: "sessionsSignedOut", values: { count: 2 } });
    expect(readActivityDetail("2 sessions")).toEqual({ text: "2 sessions" });
    expect(readActivityDetail('msg:{"key":"nope","values":{}}')).toEqual({ text: 'msg:{"key":"nope","values":{}}' });
    expect(readActivityDetail("msg:{broken")).toEqual({ text: "msg:{broken" });
  });

  it("read as before in English, and in Japanese", () => {
    const values = { service: "Nightly sync", provider: "Acme ID" };
    expect(translator("en")("activity.details.serviceToken", values)).toBe("Nightly sync used your Acme ID connection to get an access token");
    expect(translator("ja")("activity.details.serviceToken", values)).toBe("Nightly sync があなたの Acme ID 接続を使ってアクセストークンを取得しました");
    expect(translator("en")("activity.details.sessionsSignedOut", { count: 1 })).toBe("1 session");
    // Written by lib/tokens when refreshes keep failing or the grant is gone.
    expect(translator("en")("activity.details.refreshFailing", { count: 3, detail: "HTTP 503" })).toBe("3 refreshes in a row failed; last: HTTP 503");
    expect(translator("ja")("activity.details.refreshFailing", { count: 3, detail: "HTTP 503" })).toBe("3 回続けて更新に失敗しました。最後のエラー：HTTP 503");
  });
});

describe("a connection's last error", () => {
  it("is stored in English and shown in the reader's language by its kind; a provider's own words stay as they are", () => {
    for (const [key, text] of Object.entries(FAILURES)) expect(failureMessage(text)).toMatchObject({ key });
    const http = failureMessage(httpFailure(503))!;
    expect(http).toEqual({ key: "http", values: { status: 503 } });
    expect(translator("en")(`accounts.health.failures.${http.key}`, http.values)).toBe("The provider answered HTTP 503");
    expect(translator("ja")(`accounts.health.failures.${http.key}`, http.values)).toBe("プロバイダーが HTTP 503 を返しました");
    expect(translator("ja")("accounts.health.failures.timeout")).toBe("プロバイダーが時間内に応答しませんでした");
    expect(failureMessage("invalid_grant: grant request is invalid")).toBeNull();
    expect(failureMessage("the provider answered HTTP 5033")).toBeNull();
  });
});
