// Reads a provider API response, turning failures into short messages fit for the person.

/** A provider API failure whose message is safe and useful to show. */
export class ProviderApiError extends Error {
  name = "ProviderApiError";
}

export async function readJson<T>(response: Response, what: string): Promise<T> {
  if (response.status === 401 || response.status === 403) {
    throw new ProviderApiError(`${what} was refused (HTTP ${response.status}); grant more access or reconnect`);
  }
  if (!response.ok) throw new ProviderApiError(`${what} answered HTTP ${response.status}`);
  try {
    return (await response.json()) as T;
  } catch {
    throw new ProviderApiError(`${what} sent a response that was not JSON`);
  }
}

/** "3 repositories: a, b, c" — at most three names shown. */
export function listSummary(names: string[], singular: string, plural: string) {
  const shown = names.length ? `: ${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""}` : "";
  return `${names.length} ${names.length === 1 ? singular : plural}${shown}`;
}
