// Security checklist items that live in configuration and small functions: PKCE/state/nonce on every
// provider, scopes, redirect targets, discovery mix-up, input validation, cookie prefixes on https.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";

// Every provider enabled at once (credentials are placeholders; nothing here talks to them).
Object.assign(process.env, {
  AUTH_GITHUB_ID: "gh-id", AUTH_GITHUB_SECRET: "gh-secret",
  AUTH_GOOGLE_ID: "g-id", AUTH_GOOGLE_SECRET: "g-secret",
  AUTH_HUGGINGFACE_ID: "hf-id", AUTH_HUGGINGFACE_SECRET: "hf-secret",
  AUTH_TWITTER_ID: "x-id", AUTH_TWITTER_SECRET: "x-secret",
  AUTH_LOGTO_ISSUER: "https://tenant.logto.app/oidc", AUTH_LOGTO_ID: "l-id", AUTH_LOGTO_SECRET: "l-secret",
  AUTH_OIDC_ISSUER: "https://id.example.com", AUTH_OIDC_ID: "o-id", AUTH_OIDC_SECRET: "o-secret", AUTH_OIDC_NAME: "Example ID",
  AUTH_DEV_PROVIDERS: "1",
  AUTH_GITHUB_CONNECT_ONLY: "1", DEV_GLOBEX_CONNECT_ONLY: "1",
});

let providers: typeof import("@/lib/providers").providers;
let signInProviders: typeof import("@/lib/providers").signInProviders;
beforeAll(async () => {
  ({ providers, signInProviders } = await import("@/lib/providers"));
});

describe("connect-only providers and aimed authorization requests", () => {
  it("marks the providers named by AUTH_<ID>_CONNECT_ONLY / DEV_<ID>_CONNECT_ONLY and leaves them off the sign-in list", () => {
    expect(providers.filter((p) => p.connectOnly).map((p) => p.id)).toEqual(["globex", "github"]);
    expect(signInProviders().map((p) => p.id)).toEqual(["acme", "google", "huggingface", "twitter", "logto", "oidc"]);
  });

  it("makes the provider ask who signs in for Connect another, and names the identity for Grant more access", () => {
    const identity = { providerAccountId: "42", username: "ann", email: "ann@example.test" };
    const params = (id: string) => {
      const provider = providers.find((p) => p.id === id)!;
      return [provider.authorizationParams.selectAccount(), provider.authorizationParams.loginHint(identity)];
    };
    expect(params("acme")).toEqual([{ prompt: "login" }, { login_hint: "ann" }]);
    expect(params("oidc")).toEqual([{ prompt: "login" }, { login_hint: "ann@example.test" }]);
    // Google only returns a refresh token on a consented request, so consent stays in the prompt.
    expect(params("google")).toEqual([{ prompt: "select_account consent" }, { login_hint: "ann@example.test" }]);
    expect(params("github")).toEqual([{ prompt: "select_account" }, { login: "ann" }]);
    const noHint = { providerAccountId: "42", username: null, email: null };
    expect(providers.find((p) => p.id === "oidc")!.authorizationParams.loginHint(noHint)).toEqual({});
  });
});

describe("same-origin form posts (pending-link completion)", () => {
  it("accepts our origin, or Origin null with Sec-Fetch-Site same-origin; refuses everything cross-site", async () => {
    const { isSameOriginFormPost } = await import("@/lib/auth/same-origin");
    const post = (headers: Record<string, string>) =>
      isSameOriginFormPost(new Request("http://localhost:3000/sign-in/link/complete", { method: "POST", headers }));
    expect(post({ origin: "http://localhost:3000" })).toBe(true);
    expect(post({ origin: "null", "sec-fetch-site": "same-origin" })).toBe(true);
    expect(post({ origin: "null", "sec-fetch-site": "cross-site" })).toBe(false);
    expect(post({ origin: "null" })).toBe(false);
    expect(post({ origin: "https://evil.example", "sec-fetch-site": "same-origin" })).toBe(false);
    expect(post({})).toBe(false);
  });
});

describe("GitHub identity", () => {
  it("takes email and email_verified from the primary entry of /user/emails, never the public profile email", async () => {
    const { githubProfile } = await import("@/lib/providers/github");
    let emails: unknown = [];
    const server = createServer((request, response) => {
      response.writeHead(request.headers.authorization === "Bearer gh-token" ? 200 : 401, { "content-type": "application/json" });
      if (request.url === "/user") response.end(JSON.stringify({ id: 7, login: "octo", email: "public@example.test" }));
      else response.end(JSON.stringify(emails));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      emails = [{ email: "other@example.test", primary: false, verified: true }, { email: "octo@example.test", primary: true, verified: true }];
      expect(await githubProfile("gh-token", base)).toMatchObject({ login: "octo", email: "octo@example.test", email_verified: true });
      emails = [{ email: "octo@example.test", primary: true, verified: false }];
      expect(await githubProfile("gh-token", base)).toMatchObject({ email: "octo@example.test", email_verified: false });
      emails = [];
      expect(await githubProfile("gh-token", base)).toMatchObject({ email: null, email_verified: false });
    } finally {
      server.close();
    }
  });
});

describe("providers", () => {
  it("enables every configured provider", () => {
    expect(providers.map((p) => p.id)).toEqual(["acme", "globex", "github", "google", "huggingface", "twitter", "logto", "oidc"]);
    expect(providers.find((p) => p.id === "oidc")?.name).toBe("Example ID");
  });

  it("uses PKCE and state on every provider, and nonce on every OpenID Connect one", () => {
    for (const { id, authjs } of providers) {
      const config = authjs as { type: string; checks?: string[]; options?: { checks?: string[] } };
      const checks = config.options?.checks ?? config.checks ?? [];
      expect(checks, id).toEqual(expect.arrayContaining(["pkce", "state"]));
      if (config.type === "oidc") expect(checks, id).toContain("nonce");
    }
  });

  it("asks only for base scopes; extras come only from Grant more access", () => {
    for (const provider of providers) {
      for (const extra of provider.extraScopes) expect(provider.scope.split(" "), provider.id).not.toContain(extra);
    }
    expect(providers.find((p) => p.id === "github")!.scope).toBe("read:user user:email");
  });

  it("never treats X emails as verified; GitHub's only with the flag its /user/emails profile sets", () => {
    expect(providers.find((p) => p.id === "twitter")!.emailIsVerified({ email: "a@b.c", email_verified: true })).toBe(false);
    const github = providers.find((p) => p.id === "github")!;
    expect(github.emailIsVerified({ email: "a@b.c" })).toBe(false);
    expect(github.emailIsVerified({ email: "a@b.c", email_verified: "true" })).toBe(false);
    expect(github.emailIsVerified({ email: "a@b.c", email_verified: true })).toBe(true);
  });
});

describe("redirect targets", () => {
  it("keeps only same-origin paths", async () => {
    const { safeRedirect } = await import("@/lib/auth/safe-redirect");
    expect(safeRedirect("/settings/accounts?x=1")).toBe("/settings/accounts?x=1");
    for (const evil of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/ok\u0000", "x".repeat(3000), 42]) {
      expect(safeRedirect(evil)).toBe("/");
    }
  });
});

describe("discovery", () => {
  it("refuses a discovery document that names another issuer (mix-up)", async () => {
    const server = createServer((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ issuer: "https://attacker.example", token_endpoint: "https://attacker.example/token" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { authorizationServer } = await import("@/lib/providers/oauth");
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await expect(authorizationServer({ id: "x", issuer })).rejects.toThrow('"response" body "issuer" property does not match the expected value');
    server.close();
  });

  it("allows plain http only for a loopback issuer", async () => {
    const { authorizationServer, isLoopbackHttp } = await import("@/lib/providers/oauth");
    expect([isLoopbackHttp("http://localhost:3101"), isLoopbackHttp("http://127.0.0.1:1"), isLoopbackHttp("https://localhost")]).toEqual([true, true, false]);
    expect([isLoopbackHttp("http://accounts.example.com"), isLoopbackHttp("http://localhost.evil.example")]).toEqual([false, false]);
    // oauth4webapi refuses the request itself before anything is sent.
    await expect(authorizationServer({ id: "x", issuer: "http://accounts.example.com" })).rejects.toThrow("only requests to HTTPS are allowed");
  });
});

describe("action input", () => {
  it("gives a clear message for unknown, malformed, missing and huge input", async () => {
    const { connectionInput, labelInput, providerInput, signInSwitchInput } = await import("@/app/settings/accounts/schemas");
    const { validationMessage } = await import("@/lib/actions/validation");
    const { translator } = await import("@/i18n/translator");
    type Schema = typeof providerInput | typeof connectionInput | typeof labelInput | typeof signInSwitchInput;
    // What a person reads (userAction translates the first issue; English here).
    const message = (schema: Schema, input: unknown) => {
      const result = schema.safeParse(input);
      if (result.success) return null;
      const { key, values } = validationMessage(result.error);
      return translator("en")(`validation.${key}`, values);
    };
    expect(message(providerInput, { provider: "acme" })).toBeNull();
    expect(message(providerInput, { provider: "myspace" })).toBe("Unknown provider.");
    expect(message(providerInput, { provider: "a".repeat(10_000) })).toBe("Unknown provider.");
    expect(message(providerInput, {})).toBe("Choose a provider.");
    expect(message(providerInput, { provider: ["acme"] })).toBe("Choose a provider.");
    expect(message(connectionInput, { connectionId: "cmwr8m9ot0000o57damkgs48m" })).toBeNull();
    expect(message(connectionInput, { connectionId: "' OR 1=1 --" })).toBe("That account id is not valid.");
    expect(message(connectionInput, { connectionId: "a".repeat(10_000) })).toBe("That account id is not valid.");
    expect(message(connectionInput, {})).toBe("Choose an account.");
    expect(message(labelInput, { connectionId: "c1", label: "Work" })).toBeNull();
    expect(message(labelInput, { connectionId: "c1", label: "x".repeat(41) })).toBe("Labels are at most 40 characters.");
    expect(message(labelInput, { connectionId: "c1" })).toBe("Enter a label.");
    expect(message(signInSwitchInput, { connectionId: "c1", enabled: "false" })).toBeNull();
    expect(message(signInSwitchInput, { connectionId: "c1", enabled: "maybe" })).toBe("Choose on or off.");
  });
});

describe("cookies on https", () => {
  it("uses the __Host-/__Secure- prefixes with Secure, HttpOnly and SameSite=Lax", async () => {
    const { handlers } = await import("@/auth");
    const response = await handlers.GET(new Request("https://accounts.example.com/api/auth/csrf") as never);
    const cookie = response.headers.getSetCookie().find((c) => c.includes("csrf-token"))!;
    expect(cookie).toMatch(/^__Host-authjs\.csrf-token=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
  });
});
