// The only module that reads process.env. Everything is validated once, at startup, and a bad value
// stops the app with one line naming the variable.
import "server-only";
import { z } from "zod";
import type { AnyProviderDeclaration, DeclaredVariables, Setting } from "./providers/define";
import { declarations } from "./providers/registry";
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

const baseSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  // Migrations need a session; set this when DATABASE_URL goes through a transaction-mode pooler.
  DIRECT_DATABASE_URL: postgresUrl.optional(),
  // Connections each app instance may hold (serverless: keep it small, the pooler multiplexes).
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).optional(),
  PGLITE_DATA_DIR: z.string().trim().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (run `npx auth secret`)"),
  AUTH_URL: httpUrl.optional(),
  AUTH_DEV_PROVIDERS: flag,
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

// Each provider's variables come from its declaration (lib/providers/<id>.ts): `<prefix>_<SETTING>` for the
// settings it reads (an ISSUER must be an http(s) URL) and `<prefix>_CONNECT_ONLY`.
const allDeclarations: readonly AnyProviderDeclaration[] = declarations;
const settingsOf = (declaration: AnyProviderDeclaration) => [...declaration.env.required, ...(declaration.env.optional ?? [])];
const variable = (declaration: AnyProviderDeclaration, setting: Setting | "CONNECT_ONLY") => `${declaration.env.prefix}_${setting}`;

const providerShape = Object.fromEntries(
  allDeclarations.flatMap((declaration) => [
    ...settingsOf(declaration).map((setting) => {
      const fallback = declaration.env.defaults?.[setting];
      const value = setting === "ISSUER" ? httpUrl : z.string().trim().min(1);
      return [variable(declaration, setting), fallback === undefined ? value.optional() : value.optional().transform((v) => v ?? fallback)];
    }),
    [variable(declaration, "CONNECT_ONLY"), flag],
  ]),
);
const providerSchema = z.object(providerShape);

/** Variables that only make sense together: setting one without the others is a configuration mistake. */
const groups = allDeclarations
  .map((declaration) => declaration.env.required.filter((setting) => declaration.env.defaults?.[setting] === undefined).map((setting) => variable(declaration, setting)))
  .filter((group) => group.length > 1);

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type ProviderVariables = UnionToIntersection<DeclaredVariables<(typeof declarations)[number]>>;

/** One provider's validated settings, by declaration. */
export interface ProviderSettings {
  settings: Partial<Record<Setting, string>>;
  connectOnly: boolean;
}

export type Env = z.infer<typeof baseSchema> &
  ProviderVariables & { devProviders: boolean; providerSettings: ReadonlyMap<AnyProviderDeclaration, ProviderSettings> };

/** The parsed values, or an error naming the first bad variable in one line. */
function parsed<T>(schema: z.ZodType<T>, input: Record<string, string | undefined>): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue.path[0]);
  const detail = input[name] === undefined ? "is required" : issue.message;
  throw new Error(`Invalid environment: ${name} ${detail}`);
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings in .env files mean "not set".
  const input = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const env = parsed(baseSchema, input);
  const values: Readonly<Record<string, unknown>> = parsed(providerSchema, input);
  const read = (name: string) => (typeof values[name] === "string" ? values[name] : undefined);
  for (const group of groups) {
    const set = group.filter((name) => read(name) !== undefined);
    const missing = group.find((name) => read(name) === undefined);
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
  const providerSettings = new Map(
    allDeclarations.map((declaration) => [
      declaration,
      {
        settings: Object.fromEntries(settingsOf(declaration).map((setting) => [setting, read(variable(declaration, setting))])),
        connectOnly: read(variable(declaration, "CONNECT_ONLY")) === "1",
      },
    ]),
  );
  // The provider variables are checked above against their declarations; zod cannot type keys made at run time.
  return { ...env, ...(values as ProviderVariables), devProviders, providerSettings };
}

export const env: Env = parseEnv(process.env);
