// The providers enabled by the environment, in the order the sign-in page shows them. Every provider is one
// declaration file in this folder (listed by registry.ts, which is generated from the folder).
import "server-only";
import { env } from "../env";
import type { AnyProviderDeclaration } from "./define";
import { declarations } from "./registry";
import type { ProviderDefinition } from "./types";

function isEnabled(declaration: AnyProviderDeclaration, settings: Partial<Record<string, string>>) {
  if (declaration.enabledBy === "dev") return env.devProviders;
  // lib/env.ts refuses half a group, so one required setting present means all are.
  return declaration.env.required.every((setting) => settings[setting] !== undefined);
}

function enabledProviders(): ProviderDefinition[] {
  const all: readonly AnyProviderDeclaration[] = declarations;
  return [...all]
    .sort((a, b) => a.order - b.order)
    .flatMap((declaration) => {
      const configured = env.providerSettings.get(declaration);
      if (!configured || !isEnabled(declaration, configured.settings)) return [];
      return [{ ...declaration.create(configured.settings), logo: declaration.logo, connectOnly: configured.connectOnly }];
    });
}

export const providers: readonly ProviderDefinition[] = enabledProviders();

export function findProvider(id: string): ProviderDefinition | undefined {
  return providers.find((provider) => provider.id === id);
}

/** Providers a person may sign in with: configured and not connect-only. */
export function signInProviders(): readonly ProviderDefinition[] {
  return providers.filter((provider) => !provider.connectOnly);
}
