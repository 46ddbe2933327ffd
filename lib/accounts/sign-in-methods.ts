// How many ways a user can sign in: the one count the last-method guard uses (disconnect, "Use to sign in").
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { signInProviders } from "@/lib/providers";

/** The database client or a transaction: the guards count inside the transaction that changes the rows. */
export type AccountReader = Pick<Prisma.TransactionClient, "account" | "authenticator">;

/** Whether this connection is one of the user's ways to sign in. */
export function canSignInWith(connection: { provider: string; signInEnabled: boolean }): boolean {
  return connection.signInEnabled && signInProviders().some((provider) => provider.id === connection.provider);
}

/**
 * Connections with "Use to sign in" on, of providers that are configured and not connect-only, plus stored
 * passkeys (Authenticator rows). Connections of removed or connect-only providers cannot sign anyone in, so they
 * never count.
 */
export async function countSignInMethods(tx: AccountReader, userId: string): Promise<number> {
  const ids = signInProviders().map((provider) => provider.id);
  const [connections, passkeys] = await Promise.all([
    tx.account.count({ where: { userId, signInEnabled: true, provider: { in: ids } } }),
    tx.authenticator.count({ where: { userId } }),
  ]);
  return connections + passkeys;
}
