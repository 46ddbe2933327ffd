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
});

let providers: typeof import("@/lib/providers").providers;
beforeAll(async () => {
  ({ providers } = await import("@/lib/providers"));
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

  it("never treats GitHub or X emails as verified for linking", () => {
    for (const id of ["github", "twitter"]) {
      expect(providers.find((p) => p.id === id)!.emailIsVerified({ email: "a@b.c", email_verified: true })).toBe(false);
    }
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
    const { accountInput, providerInput } = await import("@/app/settings/accounts/schemas");
    const message = (schema: typeof providerInput | typeof accountInput, input: unknown) => {
      const result = schema.safeParse(input);
      return result.success ? null : result.error.issues[0].message;
    };
    expect(message(providerInput, { provider: "acme" })).toBeNull();
    expect(message(providerInput, { provider: "myspace" })).toBe("Unknown provider.");
    expect(message(providerInput, { provider: "a".repeat(10_000) })).toBe("Unknown provider.");
    expect(message(providerInput, {})).toBe("Choose a provider.");
    expect(message(providerInput, { provider: ["acme"] })).toBe("Choose a provider.");
    expect(message(accountInput, { accountId: "cmwr8m9ot0000o57damkgs48m" })).toBeNull();
    expect(message(accountInput, { accountId: "' OR 1=1 --" })).toBe("That account id is not valid.");
    expect(message(accountInput, {})).toBe("Choose an account.");
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
