/**
 * Statements that run on every page of an import, marked so that the PostgreSQL server parses and plans
 * them once per connection (a named prepared statement) instead of on every call: for the page's write
 * statement that is 1-3 ms a page. The SQL is unchanged, and the same on PGlite, which runs every
 * statement unnamed. Mark only statements whose plan does not depend on their parameters' values (after five
 * calls PostgreSQL may keep one generic plan for every later call): look-ups by key, set-based writes.
 */
const names = new Map<string, string>();

/** Marks `sql` as prepared under `name` (unique; letters, digits, hyphens) and returns it unchanged. */
export function prepared(name: string, sql: string): string {
  const known = names.get(sql);
  if (known !== undefined && known !== `kontor-${name}`) {
    throw new Error(`prepared-sql: the same statement is marked as ${known} and as kontor-${name}`);
  }
  for (const [other, otherName] of names) {
    if (otherName === `kontor-${name}` && other !== sql) {
      throw new Error(`prepared-sql: two statements are marked as kontor-${name}`);
    }
  }
  names.set(sql, `kontor-${name}`);
  return sql;
}

/** The prepared statement's name of `sql`, or undefined for a statement that is not marked. */
export function preparedName(sql: string): string | undefined {
  return names.get(sql);
}
