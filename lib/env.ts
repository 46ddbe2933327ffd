// The only module that reads process.env. Everything is validated once, at startup, and a bad value
// stops the app with one line naming the variable.
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
  // Checked now, not at the first token read: a bad key list must stop the app at startup.
  if (env.TOKEN_ENCRYPTION_KEYS) parseKeyRing(env.TOKEN_ENCRYPTION_KEYS, env.AUTH_SECRET);
  // Local providers: on in development and tests, off in production unless asked for; "0" turns them off anywhere.
  const devProviders =
    env.AUTH_DEV_PROVIDERS === "1" || (env.AUTH_DEV_PROVIDERS === undefined && env.NODE_ENV !== "production");
  return { ...env, devProviders };
}

export const env: Env = parseEnv(process.env);
