/**
 * `kontor backup` and `kontor restore` of a PGlite folder (pglite-backup.ts has the format and the socket).
 * A backup of a folder no process has open is taken by opening it here; of a folder in use, by asking the
 * process that has it open. A restore writes a new folder and never overwrites one.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ConfigError, KontorError } from '../domain/errors.ts';
import { parseDbSpec } from './open-db.ts';
import {
  assertEmptyFolder,
  readBackupFile,
  removeFailedRestore,
  requestBackup,
  writeBackupFile,
} from './pglite-backup.ts';
import { openPgliteDb } from './pglite-db.ts';

export interface BackupResult {
  folder: string;
  file: string;
  bytes: number;
  /** The pid of the running Kontor process that took it; null when this process opened the folder. */
  takenBy: number | null;
}

/** The PGlite folder of a database spec, or a ConfigError that says what to use instead. */
export function pgliteFolderOf(spec: string | undefined, command: 'backup' | 'restore'): string {
  const parsed = parseDbSpec(spec);
  if (parsed.kind === 'postgres') {
    throw new ConfigError(
      'BACKUP_POSTGRES',
      command === 'backup'
        ? 'kontor backup is for a PGlite folder. Back up a PostgreSQL database with pg_dump: pg_dump --format=custom --file kontor.dump "<postgres-url>" (docs/operations.md).'
        : 'kontor restore is for a PGlite folder. Restore a PostgreSQL database with pg_restore: pg_restore --clean --if-exists --dbname "<postgres-url>" kontor.dump (docs/operations.md).',
    );
  }
  if (parsed.folder === null)
    throw new ConfigError('BACKUP_MEMORY', `An in-memory database has nothing to ${command}.`);
  return resolve(parsed.folder);
}

export async function backupFolder(folder: string, file: string): Promise<BackupResult> {
  if (!existsSync(join(folder, 'PG_VERSION'))) {
    throw new ConfigError(
      'BACKUP_NO_DATABASE',
      `${folder} holds no Kontor database (name it with --db <folder>).`,
    );
  }
  let backup: Uint8Array;
  let takenBy: number | null = null;
  try {
    const db = await openPgliteDb(folder);
    try {
      backup = gzipSync(await db.backupTar(), { level: 3 });
    } finally {
      await db.close();
    }
  } catch (error) {
    const pid = inUseBy(error);
    if (pid === null) throw error;
    backup = await requestBackup(folder, pid);
    takenBy = pid;
  }
  await writeBackupFile(file, backup);
  return { folder, file: resolve(file), bytes: backup.length, takenBy };
}

/** The pid of the DB_IN_USE error of folder-lock.ts; null for any other error. */
function inUseBy(error: unknown): number | null {
  if (!(error instanceof KontorError) || error.code !== 'DB_IN_USE') return null;
  const match = /\(pid (\d+)\)/.exec(error.message);
  return match ? Number(match[1]) : null;
}

/** Restores `file` into the new (or empty) folder; checks that it opens and is a Kontor database. */
export async function restoreFolder(
  file: string,
  folder: string,
): Promise<{ folder: string; version: number }> {
  const tar = await readBackupFile(file);
  await assertEmptyFolder(folder);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  try {
    const db = await openPgliteDb(folder, { loadDataDir: new Blob([new Uint8Array(tar)]) });
    try {
      const table = await db.query<{ name: string | null }>(
        "SELECT to_regclass('schema_migrations')::text AS name",
      );
      if (table.rows[0]?.name == null) {
        throw new ConfigError(
          'BACKUP_INVALID',
          `${file} holds a PostgreSQL database, but not one of Kontor.`,
        );
      }
      const row = await db.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM schema_migrations',
      );
      return { folder, version: row.rows[0]?.version ?? 0 };
    } finally {
      await db.close();
    }
  } catch (error) {
    return await removeFailedRestore(folder, error);
  }
}
