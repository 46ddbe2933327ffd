import GitHub from "next-auth/providers/github";
import { siGithub } from "simple-icons";
import { listValues, readJson } from "./api-response";
import { defineProvider } from "./define";
import { brandLogo } from "./logo";
import { hintParam } from "./types";

const scope = "read:user user:email";

export default defineProvider({
  order: 3,
  env: { prefix: "AUTH_GITHUB", required: ["ID", "SECRET"] },
  logo: brandLogo(siGithub, { monochrome: true }),
  create: ({ ID: clientId, SECRET: clientSecret }) => ({
    scope,
    id: "github",
    apiBase: "https://api.github.com",
    name: "GitHub",
    authjs: GitHub({
      clientId,
      clientSecret,
      checks: ["pkce", "state"],
      authorization: { params: { scope } },
      userinfo: { url: "https://api.github.com/user", request: ({ tokens }: { tokens: { access_token?: string } }) => githubProfile(tokens.access_token) },
    }),
    authorizationParams: {
      selectAccount: () => ({ prompt: "select_account" }),
      loginHint: (identity) => hintParam("login", identity.username),
    },
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
      return { key: "githubRepositories", values: { login: user.login, ...listValues(repos.map((repo) => repo.full_name)) } };
    },
    clientId,
    clientSecret,
    // Set by githubProfile from /user/emails: only a primary email GitHub has verified counts.
    emailIsVerified: (profile) => profile.email_verified === true,
  }),
});

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * The /user profile with `email` and `email_verified` taken from the primary entry of /user/emails: the public
 * profile email carries no verification flag, so it is replaced rather than trusted.
 */
export async function githubProfile(accessToken: string | undefined, apiBase = "https://api.github.com") {
  const headers = { authorization: `Bearer ${accessToken}`, accept: "application/vnd.github+json", "user-agent": "connected-accounts" };
  const profile = await readJson<Record<string, unknown>>(
    await fetch(`${apiBase}/user`, { headers, signal: AbortSignal.timeout(10_000) }),
    "GitHub",
  );
  const response = await fetch(`${apiBase}/user/emails`, { headers, signal: AbortSignal.timeout(10_000) });
  const emails = response.ok ? ((await response.json()) as GitHubEmail[]) : [];
  const primary = Array.isArray(emails) ? emails.find((entry) => entry.primary) : undefined;
  return { ...profile, email: primary?.email ?? null, email_verified: primary?.verified === true };
}
