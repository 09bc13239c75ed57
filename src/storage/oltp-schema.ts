/** Where an OLTP database's tables are: a schema `oltp_<name in lower case>` (docs/development.md). */
import type { Queryable } from './db.ts';
import { searchPathText } from './search-path.ts';

/** The schema of an OLTP database (names are letters, digits and underscores; see domain/oltp-database.ts). */
export function oltpSchema(name: string): string {
  return `oltp_${name.toLowerCase()}`;
}

/** The search_path of an OLTP database's handle: its schema, then the shared tables. */
export function oltpSearchPath(name: string): string[] {
  return [oltpSchema(name), 'public'];
}

/**
 * Runs fn inside a transaction with OLTP database `name` first on the search_path, then restores the path:
 * for the few statements of shared work that touch the tables of several OLTP databases (the sweeper).
 */
export async function inOltpSchema<T>(tx: Queryable, name: string, fn: () => Promise<T>): Promise<T> {
  const before = await tx.query<{ path: string }>("select current_setting('search_path') as path");
  await tx.query("select set_config('search_path', $1, true)", [searchPathText(oltpSearchPath(name))]);
  try {
    return await fn();
  } finally {
    await tx.query("select set_config('search_path', $1, true)", [before.rows[0]?.path ?? 'public']);
  }
}
