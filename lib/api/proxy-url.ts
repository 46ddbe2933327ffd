// The proxy's one rule about hosts: the URL is the provider's own API base plus a path the caller gives.
// Anything that could point elsewhere after URL resolution is refused before any request is made.
export type ProxyQuery = Record<string, string | string[]>;

export type ProxyUrl = { ok: true; url: URL } | { ok: false; reason: string };

const MAX_PATH = 2048;

export function resolveProxyUrl(apiBase: string, path: string, query: ProxyQuery = {}): ProxyUrl {
  if (path.length === 0 || path.length > MAX_PATH) return refuse(`path must be 1 to ${MAX_PATH} characters`);
  if (!path.startsWith("/")) return refuse("path must start with / (absolute URLs are not accepted)");
  if (path.startsWith("//")) return refuse("path must not start with //");
  if (path.includes("\\")) return refuse("path must not contain backslashes");
  // Query and fragment go through `query`; control characters and spaces have no place in a path.
  if (/[?#\s\u0000-\u001f\u007f]/.test(path)) return refuse("path must not contain ?, #, spaces or control characters");
  // Encoded dots, slashes and backslashes are how traversal hides from the checks above.
  if (/%(2e|2f|5c|00)/i.test(path)) return refuse("path must not contain encoded '.', '/', '\\' or NUL");
  if (path.split("/").some((segment) => segment === "." || segment === "..")) return refuse("path must not contain . or .. segments");

  const base = new URL(apiBase);
  const basePath = base.pathname.replace(/\/+$/, "");
  let url: URL;
  try {
    url = new URL(`${base.origin}${basePath}${path}`);
  } catch {
    return refuse("path is not a valid URL path");
  }
  // Belt and braces: whatever the parser did, the result must be on the same origin and under the base path.
  if (url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/`)) return refuse("path leaves the provider's API host");
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, item);
  }
  return { ok: true, url };
}

function refuse(reason: string): ProxyUrl {
  return { ok: false, reason };
}
