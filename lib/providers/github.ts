import GitHub from "next-auth/providers/github";
import { listSummary, readJson } from "./api-response";
import type { ProviderDefinition } from "./types";

const scope = "read:user user:email";

export function githubProvider(clientId: string, clientSecret: string): ProviderDefinition {
  return {
    scope,
    id: "github",
    apiBase: "https://api.github.com",
    name: "GitHub",
    authjs: GitHub({ clientId, clientSecret, checks: ["pkce", "state"], authorization: { params: { scope } } }),
    extraScopes: ["repo"],
    // GitHub has no RFC 7009 endpoint; deleting the grant revokes every token of this app for the person.
    async revoke({ accessToken }) {
      if (!accessToken) return;
      const response = await fetch(`https://api.github.com/applications/${clientId}/grant`, {
        method: "DELETE",
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
          accept: "application/vnd.github+json",
          "content-type": "application/json",
        },
        body: JSON.stringify({ access_token: accessToken }),
        signal: AbortSignal.timeout(5_000),
      });
      // 404: the grant is already gone, which is what we wanted.
      if (!response.ok && response.status !== 404) throw new Error(`GitHub answered HTTP ${response.status}`);
    },
    tokenEndpoint: "https://github.com/login/oauth/access_token",
    tokenEndpointAuth: "client_secret_post",
    async callApi(fetchApi) {
      const user = await readJson<{ login: string }>(await fetchApi("https://api.github.com/user"), "GitHub");
      const repos = await readJson<{ full_name: string }[]>(
        await fetchApi("https://api.github.com/user/repos?per_page=100&sort=updated"),
        "GitHub",
      );
      return `@${user.login}, ${listSummary(repos.map((repo) => repo.full_name), "repository", "repositories")}`;
    },
    clientId,
    clientSecret,
    // GitHub's profile email carries no verification flag, so it never drives account linking.
    emailIsVerified: () => false,
  };
}
