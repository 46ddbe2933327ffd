// Every row the connected-account rules can touch, in a stable order, so a test can assert that
// "nothing else changed" by comparing two snapshots. Type-only import: importing lib/db here would
// parse the environment before a test has configured it.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function snapshot(db: PrismaClient) {
  const [users, accounts, pendingLinks, activity, authenticators, sessions] = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.account.findMany({ orderBy: { id: "asc" } }),
    db.pendingLink.findMany({ orderBy: { id: "asc" } }),
    db.activityEvent.findMany({ orderBy: { id: "asc" } }),
    db.authenticator.findMany({ orderBy: { credentialID: "asc" } }),
    db.session.findMany({ orderBy: { sessionToken: "asc" } }),
  ]);
  return { users, accounts, pendingLinks, activity, authenticators, sessions };
}

export type Snapshot = Awaited<ReturnType<typeof snapshot>>;

type Row = Record<string, unknown>;
export interface TableChanges {
  added: Row[];
  removed: Row[];
  changed: { before: Row; after: Row }[];
}

const keyOf = (table: keyof Snapshot, row: Row) =>
  String(table === "authenticators" ? row.credentialID : table === "sessions" ? row.sessionToken : row.id);

/**
 * What changed between two snapshots, table by table; tables without changes are left out, so
 * `expect(changes(before, after)).toEqual({})` means nothing changed at all.
 */
export function changes(before: Snapshot, after: Snapshot): Partial<Record<keyof Snapshot, TableChanges>> {
  const result: Partial<Record<keyof Snapshot, TableChanges>> = {};
  for (const table of Object.keys(before) as (keyof Snapshot)[]) {
    const old = new Map((before[table] as Row[]).map((row) => [keyOf(table, row), row]));
    const now = new Map((after[table] as Row[]).map((row) => [keyOf(table, row), row]));
    const entry: TableChanges = { added: [], removed: [], changed: [] };
    for (const [key, row] of now) {
      const previous = old.get(key);
      if (!previous) entry.added.push(row);
      else if (JSON.stringify(previous) !== JSON.stringify(row)) entry.changed.push({ before: previous, after: row });
    }
    for (const [key, row] of old) if (!now.has(key)) entry.removed.push(row);
    if (entry.added.length || entry.removed.length || entry.changed.length) result[table] = entry;
  }
  return result;
}
