// The shape of a provider declaration: one file in lib/providers/ per provider, `export default
// defineProvider({...})`. scripts/generate-provider-registry.mjs lists those files in registry.ts; lib/env.ts
// validates the variables each one declares; lib/providers/index.ts builds the enabled ones.
import type { ProviderLogoMark } from "./logo";
import type { ProviderConfig } from "./types";

/** The settings a provider may read, each from the variable `<prefix>_<SETTING>`. */
export type Setting = "ISSUER" | "ID" | "SECRET" | "NAME";

export interface ProviderDeclaration<
  P extends string = string,
  R extends Setting = Setting,
  O extends Setting = Setting,
  D extends R | O = never,
> {
  /** Its place on /sign-in and Settings, lower first (the local providers lead). */
  order: number;
  logo: ProviderLogoMark;
  env: {
    /**
     * Variables are `<prefix>_<SETTING>` plus `<prefix>_CONNECT_ONLY` ("1": only connected from Settings to call
     * the API, never used to sign in). Users have these names set: never rename one.
     */
    prefix: P;
    /** Set together or not at all (one without the others stops the app); all set enables the provider. */
    required: readonly R[];
    optional?: readonly O[];
    /** Values used when a variable is unset (the local providers' issuers). */
    defaults?: { readonly [K in D]: string };
  };
  /** "dev": a local provider, on with AUTH_DEV_PROVIDERS (development and tests) instead of by its variables. */
  enabledBy?: "settings" | "dev";
  /** The provider itself: Auth.js config, scopes, API base, Call API, revocation. Settings are validated. */
  create(settings: { [K in R | D]: string } & { [K in Exclude<O, D>]?: string }): ProviderConfig;
}

/** Any declaration, as lib/env.ts and lib/providers/index.ts walk the registry. */
export interface AnyProviderDeclaration {
  order: number;
  logo: ProviderLogoMark;
  env: { prefix: string; required: readonly Setting[]; optional?: readonly Setting[]; defaults?: Partial<Record<Setting, string>> };
  enabledBy?: "settings" | "dev";
  create(settings: Partial<Record<Setting, string>>): ProviderConfig;
}

/** The variables a declaration reads, typed: defaulted ones are always strings. */
export type DeclaredVariables<T> =
  T extends ProviderDeclaration<infer P, infer R, infer O, infer D>
    ? { [K in `${P}_${D}`]: string } & { [K in `${P}_${Exclude<R | O, D>}`]?: string } & { [K in `${P}_CONNECT_ONLY`]?: "0" | "1" }
    : never;

export function defineProvider<
  const P extends string,
  const R extends Setting,
  const O extends Setting = never,
  const D extends R | O = never,
>(declaration: ProviderDeclaration<P, R, O, D>): ProviderDeclaration<P, R, O, D> {
  return declaration;
}
