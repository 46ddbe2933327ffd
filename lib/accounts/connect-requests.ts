// What a Connect, Connect another, Reconnect or Grant more access click asks the provider for. The OAuth round
// trip itself is started by the server action; these decide the provider, the connection it is aimed at and the
// extra authorization parameters, and refuse anything not belonging to the user.
import "server-only";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import { findConnection } from "./connections";

export interface ConnectRequest {
  providerId: string;
  /** The one connection this flow may update; null for a new connection. */
  connectionId: string | null;
  params: Record<string, string>;
}

/** Why a request was refused, as a code the action turns into the person's language. */
export type ConnectRequestError =
  | { error: "not-found" } | { error: "unknown-provider" } | { error: "no-extra-access"; providerName: string };

export type ConnectRequestResult = ConnectRequest | ConnectRequestError;

const NOT_FOUND = { error: "not-found" } as const;

/** "Connect" or, when the user already has one of this provider, "Connect another": the provider must ask who. */
export async function connectRequest(userId: string, providerId: string): Promise<ConnectRequestResult> {
  const provider = findProvider(providerId);
  if (!provider) return { error: "unknown-provider" };
  const existing = await db.account.count({ where: { userId, provider: providerId } });
  return { providerId, connectionId: null, params: existing > 0 ? provider.authorizationParams.selectAccount() : {} };
}

/** "Reconnect": a new grant for this one connection, naming its identity where the provider supports a hint. */
export async function reconnectRequest(userId: string, connectionId: string): Promise<ConnectRequestResult> {
  const connection = await findConnection(userId, connectionId);
  const provider = connection && findProvider(connection.provider);
  if (!connection || !provider) return NOT_FOUND;
  return { providerId: provider.id, connectionId, params: provider.authorizationParams.loginHint(connection) };
}

/** "Grant more access": the extra scopes on top of everything this connection already granted. */
export async function grantMoreAccessRequest(userId: string, connectionId: string): Promise<ConnectRequestResult> {
  const connection = await findConnection(userId, connectionId);
  const provider = connection && findProvider(connection.provider);
  if (!connection || !provider) return NOT_FOUND;
  if (provider.extraScopes.length === 0) return { error: "no-extra-access", providerName: provider.name };
  const granted = connection.scope?.split(" ").filter(Boolean) ?? [];
  const scope = [...new Set([...provider.scope.split(" "), ...granted, ...provider.extraScopes])].join(" ");
  return { providerId: provider.id, connectionId, params: { ...provider.authorizationParams.loginHint(connection), scope } };
}
