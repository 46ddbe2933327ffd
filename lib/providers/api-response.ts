// Reads a provider API response, turning failures into short messages fit for the person. Messages are
// descriptors ({ key, values } under "apiResult" in messages/*.json), translated for the reader by
// lib/accounts/call-provider-api.ts.
import type en from "@/messages/en.json";

export type ApiResultKey = keyof (typeof en)["apiResult"];

/** A Call API outcome in no language yet. */
export interface ApiResultMessage {
  key: ApiResultKey;
  values?: Record<string, string | number>;
}

/** A provider API failure whose message is safe and useful to show. `message` is the key, for logs. */
export class ProviderApiError extends Error {
  name = "ProviderApiError";
  constructor(readonly result: ApiResultMessage) {
    super(`apiResult.${result.key}`);
  }
}

/**
 * `api` names the API in messages: a product name ("GitHub"), or "userinfo" for an OpenID Connect issuer's
 * userinfo endpoint (the messages word that one themselves).
 */
export async function readJson<T>(response: Response, api: string): Promise<T> {
  if (response.status === 401 || response.status === 403) {
    throw new ProviderApiError({ key: "refused", values: { api, status: response.status } });
  }
  if (!response.ok) throw new ProviderApiError({ key: "httpError", values: { api, status: response.status } });
  try {
    return (await response.json()) as T;
  } catch {
    throw new ProviderApiError({ key: "notJson", values: { api } });
  }
}

/** For messages like "3 repositories: a, b, c": the count and at most three names. */
export function listValues(names: string[]) {
  return { count: names.length, names: `${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""}` };
}
