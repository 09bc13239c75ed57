/**
 * search_path handling shared by both Db implementations: the SET statement of a path, checked so that only
 * plain lower-case identifiers reach SQL.
 */
import { BugError } from '../domain/errors.ts';
import type { SearchPath } from './db.ts';

/** What a handle from openDb runs with: the shared tables (schema public). */
export const DEFAULT_SEARCH_PATH: readonly string[] = ['public'];

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/** The schemas as search_path text (`oltp_test, public`); throws a BugError for anything but identifiers. */
export function searchPathText(path: SearchPath): string {
  const schemas = typeof path === 'function' ? path() : path;
  if (schemas.length === 0)
    throw new BugError('SEARCH_PATH_EMPTY', 'A search_path needs at least one schema.');
  for (const schema of schemas) {
    if (!SCHEMA.test(schema)) {
      throw new BugError('SEARCH_PATH_INVALID', `"${schema}" is not a schema name Kontor uses.`);
    }
  }
  return schemas.join(', ');
}

/** The statement that sets a session's search_path to `text` (from searchPathText). */
export function setSearchPathSql(text: string): string {
  return `SET search_path TO ${text}`;
}
