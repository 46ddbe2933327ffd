// Reads a provider API response, turning failures into short messages fit for the person.
export async function readJson<T>(response: Response, what: string): Promise<T> {
  if (response.status === 401 || response.status === 403) {
    throw new Error(`${what} was refused (HTTP ${response.status}); grant more access or reconnect`);
  }
  if (!response.ok) throw new Error(`${what} answered HTTP ${response.status}`);
  try {
    return (await response.json()) as T;
  } catch {
    throw new Error(`${what} sent a response that was not JSON`);
  }
}

/** "3 repositories: a, b, c" — at most three names shown. */
export function listSummary(names: string[], singular: string, plural: string) {
  const shown = names.length ? `: ${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""}` : "";
  return `${names.length} ${names.length === 1 ? singular : plural}${shown}`;
}
