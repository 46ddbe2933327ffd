// GET /api/v1/users/{userId}/connections: what a service may know about a person's connections —
// never a token. A key limited to some providers sees only those connections.
import "server-only";
import { db } from "@/lib/db";
import { findProvider } from "@/lib/providers";
import { CONNECTION_TYPES } from "@/lib/accounts/connections";

export interface ServiceConnection {
  id: string;
  provider: string;
  /** The person's name at the provider: username, else email, else the provider's account id. */
  identity: string;
  /** The person's own name for the connection ("Work"), or null. */
  label: string | null;
  scopes: string[];
  status: "active" | "needs_reconnect" | "revoked";
  /** Whether the person allows services to use it (token and proxy answer consent_required when not). */
  services_allowed: boolean;
}

/** null when the user does not exist. */
export async function listServiceConnections(userId: string, providers: readonly string[] | null): Promise<ServiceConnection[] | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      accounts: {
        orderBy: { createdAt: "asc" },
        select: { id: true, provider: true, providerAccountId: true, username: true, email: true, scope: true, status: true, allowServices: true, label: true },
        where: CONNECTION_TYPES,
      },
    },
  });
  if (!user) return null;
  return user.accounts
    .filter((row) => findProvider(row.provider) && (!providers || providers.includes(row.provider)))
    .map((row) => ({
      id: row.id,
      provider: row.provider,
      identity: row.username ?? row.email ?? row.providerAccountId,
      label: row.label,
      scopes: row.scope?.split(" ").filter(Boolean) ?? [],
      status: row.status === "needs_reconnect" || row.status === "revoked" ? row.status : "active",
      services_allowed: row.allowServices,
    }));
}
