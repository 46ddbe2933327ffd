// One declaration file per provider: the generated registry lists exactly those files, every variable they
// declare is documented in .env.example, and lib/env.ts validates those variables from the declarations.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { registryFile, registrySource } from "../scripts/generate-provider-registry.mjs";
import type { AnyProviderDeclaration } from "@/lib/providers/define";
import { declarations } from "@/lib/providers/registry";
import { parseEnv } from "@/lib/env";

const base = { AUTH_SECRET: "s".repeat(32) };

describe("the provider registry", () => {
  it("is up to date with the declaration files in lib/providers/ (run npm run providers:registry)", () => {
    expect(readFileSync(registryFile, "utf8")).toBe(registrySource());
  });

  it("takes an extra directory of declarations without touching lib/providers/", () => {
    const source: string = registrySource(["e2e/fixtures/providers"]);
    expect(source).toContain('import initechProvider from "../../e2e/fixtures/providers/initech";');
    expect(source).toMatch(/initechProvider\] as const;/);
    expect(readFileSync(registryFile, "utf8")).not.toContain("initech");
  });

  it("documents every declared variable in .env.example", () => {
    const example = readFileSync(".env.example", "utf8");
    const all: readonly AnyProviderDeclaration[] = declarations;
    const names = all.flatMap(({ env }) => [...env.required, ...(env.optional ?? []), "CONNECT_ONLY"].map((s) => `${env.prefix}_${s}`));
    expect(names.filter((name) => !new RegExp(`^${name}=`, "m").test(example))).toEqual([]);
    // The names users already have set.
    expect(names).toEqual(expect.arrayContaining([
      "AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET", "AUTH_GOOGLE_CONNECT_ONLY", "AUTH_LOGTO_ISSUER", "AUTH_OIDC_NAME",
      "DEV_ACME_ISSUER", "DEV_GLOBEX_CONNECT_ONLY", "AUTH_TWITTER_SECRET", "AUTH_HUGGINGFACE_ID",
    ]));
  });
});

describe("provider variables in lib/env.ts, from the declarations", () => {
  it("checks their kind: an issuer is an http(s) URL, a connect-only flag is 0 or 1", () => {
    expect(() => parseEnv({ ...base, AUTH_OIDC_ISSUER: "not a url", AUTH_OIDC_ID: "i", AUTH_OIDC_SECRET: "s" })).toThrow(
      /^Invalid environment: AUTH_OIDC_ISSUER must be an http\(s\) URL$/,
    );
    expect(() => parseEnv({ ...base, AUTH_TWITTER_CONNECT_ONLY: "yes" })).toThrow(/^Invalid environment: AUTH_TWITTER_CONNECT_ONLY must be "0" or "1"$/);
  });

  it("applies declared defaults and trims a trailing slash from issuers", () => {
    const env = parseEnv({ ...base, DEV_GLOBEX_ISSUER: "http://localhost:4102/" });
    expect([env.DEV_ACME_ISSUER, env.DEV_GLOBEX_ISSUER]).toEqual(["http://localhost:3101", "http://localhost:4102"]);
  });

  it("names every missing member of a group", () => {
    expect(() => parseEnv({ ...base, AUTH_OIDC_SECRET: "s", AUTH_OIDC_ISSUER: "https://id.example" })).toThrow(
      "Invalid environment: AUTH_OIDC_ID is required when AUTH_OIDC_ISSUER and AUTH_OIDC_SECRET is set",
    );
    // An optional setting alone is not a group member.
    expect(() => parseEnv({ ...base, AUTH_OIDC_NAME: "Example ID" })).not.toThrow();
  });

  it("hands each declaration its settings and connect-only flag", () => {
    const env = parseEnv({ ...base, AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "secret", AUTH_GITHUB_CONNECT_ONLY: "1" });
    const settings = [...env.providerSettings.values()].find(({ settings }) => settings.ID === "id");
    expect(settings).toEqual({ settings: { ID: "id", SECRET: "secret" }, connectOnly: true });
  });
});
