/**
 * The migration files in src/storage/migrations (plain PostgreSQL, several statements, no BEGIN/COMMIT: each
 * file runs inside one transaction). Files are read from disk relative to this module.
 * - `NNNN_name.sql`: shared tables (schema public: users, queues, batch jobs, the OLTP databases).
 * - `NNNN_name.oltp.sql`: the tables of an OLTP database, applied to every OLTP schema (with that schema first
 *   on the search_path) and to a new one when it is added. `0000_*.oltp.sql` is the start of a new OLTP schema.
 * Numbers are unique over both kinds (docs/development.md "Migrations").
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BugError } from '../domain/errors.ts';

export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations/', import.meta.url));

export type MigrationScope = 'shared' | 'oltp';

export interface MigrationFile {
  version: number;
  /** shared: applied once (schema public); oltp: applied to every OLTP database's schema. */
  scope: MigrationScope;
  /** The file name without number and extension: `0001_init.sql` -> `init`, `0012_keys.oltp.sql` -> `keys`. */
  name: string;
  file: string;
  sql: string;
}

const FILE_NAME = /^(\d+)_([A-Za-z0-9_-]+?)(\.oltp)?\.sql$/;

/** Reads and checks the migration files of `folder`, ordered by version (both scopes). Other than .sql files are ignored. */
export async function readMigrations(folder: string = DEFAULT_MIGRATIONS_FOLDER): Promise<MigrationFile[]> {
  const migrations: MigrationFile[] = [];
  for (const entry of await listMigrations(folder)) {
    migrations.push({ ...entry, sql: await readFile(entry.file, 'utf8') });
  }
  return migrations;
}

/** The migration files of `folder` by number and name, ordered, without reading them (a cheap check). */
export async function listMigrations(
  folder: string = DEFAULT_MIGRATIONS_FOLDER,
): Promise<Array<Omit<MigrationFile, 'sql'>>> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    throw new BugError('MIGRATIONS_MISSING', `The migrations folder ${folder} cannot be read.`, {
      cause: error,
    });
  }
  const migrations: Array<Omit<MigrationFile, 'sql'>> = [];
  for (const fileName of names.filter((name) => name.endsWith('.sql'))) {
    const match = FILE_NAME.exec(fileName);
    const version = match ? Number(match[1]) : -1;
    const scope: MigrationScope = match?.[3] ? 'oltp' : 'shared';
    if (!match || !Number.isSafeInteger(version) || version < (scope === 'oltp' ? 0 : 1)) {
      throw new BugError(
        'MIGRATION_NAME_INVALID',
        `Migration ${fileName} is not named NNNN_name.sql (NNNN >= 1) or NNNN_name.oltp.sql.`,
      );
    }
    const file = join(folder, fileName);
    migrations.push({ version, scope, name: match[2]!, file });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new BugError('MIGRATION_DUPLICATE', `Two migrations have the number ${migrations[i]!.version}.`);
    }
  }
  return migrations;
}

/** A short hash of numbers, names and contents: equal fingerprints give equal schemas (test templates). */
export function fingerprintMigrations(migrations: readonly MigrationFile[]): string {
  const hash = createHash('sha256');
  for (const m of migrations) hash.update(`${m.version}\0${m.scope}\0${m.name}\0${m.sql}\0`);
  return hash.digest('hex').slice(0, 12);
}
