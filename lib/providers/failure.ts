// Why a request to a provider failed, as stored with a connection (`lastError`) and carried by errors and logs:
// English sentences from this one list. Pages show them in the reader's language by their kind
// (failureMessage), which also works for rows written before pages were translated.
export const FAILURES = {
  timeout: "the provider did not answer in time",
  malformed: "the provider sent a malformed response",
  unreachable: "the provider could not be reached",
  refused: "the provider refused the refresh token",
  undecryptable: "the stored token cannot be decrypted (its encryption key is not configured)",
} as const;

export const httpFailure = (status: number) => `the provider answered HTTP ${status}`;
const HTTP_FAILURE = /^the provider answered HTTP (\d{3})$/;

export type FailureKind = keyof typeof FAILURES | "http";

/** The kind of a stored failure and its values, or null for text from elsewhere (shown as it is). */
export function failureMessage(detail: string): { key: FailureKind; values: { status: number } } | null {
  const http = HTTP_FAILURE.exec(detail);
  if (http) return { key: "http", values: { status: Number(http[1]) } };
  const kind = (Object.keys(FAILURES) as (keyof typeof FAILURES)[]).find((key) => FAILURES[key] === detail);
  return kind ? { key: kind, values: { status: 0 } } : null;
}
