// The only module that reads process.env. Everything is validated once, at startup, and a bad value
// stops the app with one line naming the variable.
import "server-only";
import { z } from "zod";
import { parseKeyRing } from "./tokens/keys";

const optional = z.string().trim().min(1).optional();
const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), "must be a postgres:// or postgresql:// URL");
const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), "must be an http(s) URL")
  .transform((v) => v.replace(/\/+$/, ""));
const flag = z.enum(["0", "1"], { message: 'must be "0" or "1"' }).optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  // Migrations need a session; set this when DATABASE_URL goes through a transaction-mode pooler.
  DIRECT_DATABASE_URL: postgresUrl.optional(),
  // Connections each app instance may hold (serverless: keep it small, the pooler multiplexes).
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).optional(),
  PGLITE_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (run `npx auth secret`)"),
  AUTH_URL: httpUrl.optional(),
  AUTH_GITHUB_ID: optional,
  AUTH_GITHUB_SECRET: optional,
  AUTH_GOOGLE_ID: optional,
  AUTH_GOOGLE_SECRET: optional,
  AUTH_HUGGINGFACE_ID: optional,
  AUTH_HUGGINGFACE_SECRET: optional,
  AUTH_TWITTER_ID: optional,
  AUTH_TWITTER_SECRET: optional,
  AUTH_LOGTO_ISSUER: httpUrl.optional(),
  AUTH_LOGTO_ID: optional,
  AUTH_LOGTO_SECRET: optional,
  AUTH_OIDC_ISSUER: httpUrl.optional(),
  AUTH_OIDC_ID: optional,
  AUTH_OIDC_SECRET: optional,
  AUTH_OIDC_NAME: optional,
  AUTH_DEV_PROVIDERS: flag,
  DEV_ACME_ISSUER: httpUrl.default("http://localhost:3101"),
  DEV_GLOBEX_ISSUER: httpUrl.default("http://localhost:3102"),
  // Connect-only providers: used to call APIs, never to sign in (absent from /sign-in; such sign-ins are refused).
  AUTH_GITHUB_CONNECT_ONLY: flag,
  AUTH_GOOGLE_CONNECT_ONLY: flag,
  AUTH_HUGGINGFACE_CONNECT_ONLY: flag,
  AUTH_TWITTER_CONNECT_ONLY: flag,
  AUTH_LOGTO_CONNECT_ONLY: flag,
  AUTH_OIDC_CONNECT_ONLY: flag,
  DEV_ACME_CONNECT_ONLY: flag,
  DEV_GLOBEX_CONNECT_ONLY: flag,
  TOKEN_ENCRYPTION_KEYS: optional,
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** Sensitive actions need a sign-in (or "Confirm it's you") this recent. */
  AUTH_RECENT_SIGN_IN_MINUTES: z
    .string()
    .trim()
    .regex(/^\d+$/, "must be a whole number of minutes")
    .transform(Number)
    .refine((v) => v >= 1 && v <= 1440, "must be between 1 and 1440")
    .default(10),
  /** Sign-in starts and auth callbacks allowed per IP address in 10 minutes (a browser test suite needs more). */
  AUTH_RATE_LIMIT_PER_IP: z
    .string()
    .trim()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .refine((v) => v >= 1, "must be at least 1")
    .default(100),
});

/** Variables that only make sense together: setting one without the others is a configuration mistake. */
const groups = [
  ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
  ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
  ["AUTH_HUGGINGFACE_ID", "AUTH_HUGGINGFACE_SECRET"],
  ["AUTH_TWITTER_ID", "AUTH_TWITTER_SECRET"],
  ["AUTH_LOGTO_ISSUER", "AUTH_LOGTO_ID", "AUTH_LOGTO_SECRET"],
  ["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"],
] as const;

export type Env = z.infer<typeof schema> & { devProviders: boolean };

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings in .env files mean "not set".
  const input = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0]);
    const detail = input[name] === undefined ? "is required" : issue.message;
    throw new Error(`Invalid environment: ${name} ${detail}`);
  }
  const env = result.data;
  for (const group of groups) {
    const set = group.filter((name) => env[name] !== undefined);
    const missing = group.find((name) => env[name] === undefined);
    if (set.length > 0 && missing) {
      throw new Error(`Invalid environment: ${missing} is required when ${set.join(" and ")} is set`);
    }
  }
  // Vercel functions do not ship the embedded database (next.config.js keeps it out of their traces).
  if (source.VERCEL === "1" && !env.DATABASE_URL) {
    throw new Error("Invalid environment: DATABASE_URL is required on Vercel (the embedded PGlite is not deployed)");
  }
  if (env.DIRECT_DATABASE_URL && !env.DATABASE_URL) {
    throw new Error("Invalid environment: DATABASE_URL is required when DIRECT_DATABASE_URL is set");
  }
  // Checked now, not at the first token read: a bad key list must stop the app at startup.
  if (env.TOKEN_ENCRYPTION_KEYS) parseKeyRing(env.TOKEN_ENCRYPTION_KEYS, env.AUTH_SECRET);
  // A key derived from AUTH_SECRET would make rotating the cookie secret destroy every stored token:
  // development and tests may derive one, production must name its own keys.
  else if (env.NODE_ENV === "production") {
    throw new Error('Invalid environment: TOKEN_ENCRYPTION_KEYS is required in production ("<id>:<32 bytes in base64>")');
  }
  // Local providers: on in development and tests, off in production unless asked for; "0" turns them off anywhere.
  const devProviders =
    env.AUTH_DEV_PROVIDERS === "1" || (env.AUTH_DEV_PROVIDERS === undefined && env.NODE_ENV !== "production");
  return { ...env, devProviders };
}

export const env: Env = parseEnv(process.env);
