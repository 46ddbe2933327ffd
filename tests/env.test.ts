import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const base = { AUTH_SECRET: "s".repeat(32) };
const production = { ...base, NODE_ENV: "production", TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}` };

describe("parseEnv", () => {
  it("accepts the embedded defaults", () => {
    const env = parseEnv(base);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.devProviders).toBe(true);
  });

  it("names a missing AUTH_SECRET", () => {
    expect(() => parseEnv({})).toThrow("Invalid environment: AUTH_SECRET is required");
  });

  it("names a malformed DATABASE_URL in one line", () => {
    expect(() => parseEnv({ ...base, DATABASE_URL: "mysql://localhost/db" })).toThrow(
      /^Invalid environment: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL$/,
    );
  });

  it("reads the pooled-database settings and refuses half of them", () => {
    const pooled = parseEnv({ ...base, DATABASE_URL: "postgres://pooler/db", DIRECT_DATABASE_URL: "postgres://db/db", DATABASE_POOL_MAX: "3" });
    expect([pooled.DIRECT_DATABASE_URL, pooled.DATABASE_POOL_MAX]).toEqual(["postgres://db/db", 3]);
    expect(() => parseEnv({ ...base, DIRECT_DATABASE_URL: "postgres://db/db" })).toThrow(
      "Invalid environment: DATABASE_URL is required when DIRECT_DATABASE_URL is set",
    );
    expect(() => parseEnv({ ...base, DATABASE_URL: "postgres://db/db", DATABASE_POOL_MAX: "0" })).toThrow(/^Invalid environment: DATABASE_POOL_MAX /);
  });

  it("requires DATABASE_URL on Vercel, where the embedded database is not deployed", () => {
    expect(() => parseEnv({ ...base, VERCEL: "1" })).toThrow(
      "Invalid environment: DATABASE_URL is required on Vercel (the embedded PGlite is not deployed)",
    );
  });

  it("names the missing half of a provider", () => {
    expect(() => parseEnv({ ...base, AUTH_GITHUB_ID: "id" })).toThrow(
      "Invalid environment: AUTH_GITHUB_SECRET is required when AUTH_GITHUB_ID is set",
    );
    expect(() => parseEnv({ ...base, AUTH_LOGTO_ISSUER: "https://logto.example", AUTH_LOGTO_ID: "id" })).toThrow(
      "AUTH_LOGTO_SECRET is required",
    );
  });

  it("turns the local providers off in production unless asked, and off anywhere with 0", () => {
    expect(parseEnv({ ...production }).devProviders).toBe(false);
    expect(parseEnv({ ...production, AUTH_DEV_PROVIDERS: "1" }).devProviders).toBe(true);
    expect(parseEnv({ ...base, AUTH_DEV_PROVIDERS: "0" }).devProviders).toBe(false);
    expect(() => parseEnv({ ...base, AUTH_DEV_PROVIDERS: "yes" })).toThrow("AUTH_DEV_PROVIDERS");
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ ...base, DATABASE_URL: "", AUTH_GITHUB_ID: " " }).DATABASE_URL).toBeUndefined();
  });
});

describe("TOKEN_ENCRYPTION_KEYS", () => {
  it("is required in production (one line naming it); development and tests derive a key when it is unset", () => {
    expect(() => parseEnv({ ...production, TOKEN_ENCRYPTION_KEYS: "" })).toThrow(/^Invalid environment: TOKEN_ENCRYPTION_KEYS is required in production/);
    expect(parseEnv({ ...base, NODE_ENV: "test" }).TOKEN_ENCRYPTION_KEYS).toBeUndefined();
    expect(parseEnv({ ...base, NODE_ENV: "development" }).TOKEN_ENCRYPTION_KEYS).toBeUndefined();
  });

  it("is checked at startup, with a one-line message that never echoes key material", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(parseEnv({ ...base, TOKEN_ENCRYPTION_KEYS: `k1:${key}` }).TOKEN_ENCRYPTION_KEYS).toBe(`k1:${key}`);
    expect(() => parseEnv({ ...base, TOKEN_ENCRYPTION_KEYS: "k1:short" })).toThrow(
      /^Invalid environment: TOKEN_ENCRYPTION_KEYS entry 1 must be/,
    );
    expect(() => parseEnv({ ...base, TOKEN_ENCRYPTION_KEYS: `k1:${key},k1:${key}` })).toThrow(/used twice|key id "k1" twice/);
  });
});
