/**
 * Opens the database named by `--db` (the caller passes `--db` or else env KONTOR_DB) and migrates it:
 * - nothing (undefined or empty): the PGlite folder ./.kontor
 * - postgres://... or postgresql://...: a PostgreSQL server
 * - memory: an in-memory PGlite database (gone when the process ends)
 * - anything else: a PGlite folder
 */
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import type { PostgresDbOptions } from './postgres-db.ts';

export const DEFAULT_DB_FOLDER = './.kontor';
export const MEMORY_DB_SPEC = 'memory:';

export type DbSpec = { kind: 'postgres'; url: string } | { kind: 'pglite'; folder: string | null };

export interface OpenDbOptions {
  /** Migrations to apply (default: src/storage/migrations). */
  migrationsFolder?: string;
  postgres?: PostgresDbOptions;
  /** A short command: PGlite opens with a small buffer pool (pglite-db.ts). */
  small?: boolean;
}

export function parseDbSpec(spec: string | undefined): DbSpec {
  const value = spec?.trim();
  if (!value) return { kind: 'pglite', folder: DEFAULT_DB_FOLDER };
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
  if (value === MEMORY_DB_SPEC) return { kind: 'pglite', folder: null };
  return { kind: 'pglite', folder: value };
}

export async function openDb(spec: string | undefined, options: OpenDbOptions = {}): Promise<Db> {
  const parsed = parseDbSpec(spec);
  // Only the driver in use is loaded (PGlite's WebAssembly or node-postgres), when the database is opened.
  const db =
    parsed.kind === 'postgres'
      ? await (await import('./postgres-db.ts')).openPostgresDb(parsed.url, options.postgres)
      : await (await import('./pglite-db.ts')).openPgliteDb(parsed.folder, { small: options.small });
  try {
    await migrate(db, { folder: options.migrationsFolder });
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}
