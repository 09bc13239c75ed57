/**
 * Brings a database to the schema of this code: applies the migration files (migration-files.ts) that are not
 * yet recorded in `schema_migrations`, in order, each in its own transaction. Every transaction first takes
 * one advisory lock and then records its number, so several processes starting at once against one
 * PostgreSQL server apply each migration exactly once and none of them fails: the others wait and skip.
 * A database that has migrations this code does not know (a newer Kontor migrated it) is refused.
 * Shared migrations (NNNN_name.sql) come first, then each OLTP database's schema gets the per-OLTP ones
 * (NNNN_name.oltp.sql, oltp-migrate.ts) it lacks.
 */
import { BugError, ConfigError, KontorError } from '../domain/errors.ts';
import type { Db, Transaction } from './db.ts';
import { listMigrations, type MigrationFile, readMigrations } from './migration-files.ts';
import { migrateOltpDatabases, oltpUpToDate, pendingOltpMigrations } from './oltp-migrate.ts';

/** pg_advisory_xact_lock key of migrations: 'kontor' in ASCII. */
export const MIGRATION_LOCK_KEY = '118126338666354';

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

export interface MigrateOptions {
  /** Folder of NNNN_name.sql files (default: src/storage/migrations). */
  folder?: string;
}

export interface MigrateResult {
  /**
   * Migrations this call applied (empty when the database was up to date or another process applied them); a
   * per-OLTP one once for every OLTP database it was applied to.
   */
  applied: MigrationFile[];
  /** The highest shared migration number of the database now (0: none). */
  version: number;
}

interface Recorded {
  version: number;
  name: string;
}

export async function migrate(db: Db, options: MigrateOptions = {}): Promise<MigrateResult> {
  // The usual case, checked cheaply (file names, one read, no lock): the database has exactly these migrations.
  const current = await currentVersion(db, options.folder);
  if (current !== null) return { applied: [], version: current };
  const files = await readMigrations(options.folder);
  const migrations = files.filter((m) => m.scope === 'shared');
  const recorded = await db.transaction(async (tx) => {
    await takeLock(tx);
    await tx.query(CREATE_TABLE);
    return (await tx.query<Recorded>('SELECT version, name FROM schema_migrations ORDER BY version')).rows;
  });
  assertKnown(db.location, recorded, migrations);

  const done = new Set(recorded.map((row) => row.version));
  const applied: MigrationFile[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    if (await applyOne(db, migration)) applied.push(migration);
  }
  const perOltp = files.filter((m) => m.scope === 'oltp');
  applied.push(...(await migrateOltpDatabases(db, perOltp, takeLock)));
  const versions = [...done, ...migrations.map((m) => m.version)];
  return { applied, version: versions.length ? Math.max(...versions) : 0 };
}

/** Applies one migration unless another process recorded it meanwhile; true when this call applied it. */
async function applyOne(db: Db, migration: MigrationFile): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      await takeLock(tx);
      await tx.query('SET LOCAL statement_timeout = 0');
      const inserted = await tx.query(
        'INSERT INTO schema_migrations (version, name) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING',
        [migration.version, migration.name],
      );
      if (inserted.rowCount === 0) return false;
      await tx.exec(migration.sql);
      return true;
    });
  } catch (error) {
    if (error instanceof KontorError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new BugError('MIGRATION_FAILED', `Migration ${migration.file} failed: ${reason}`, { cause: error });
  }
}

/** The version when the database records exactly the migrations of the folder (numbers and names), else null. */
async function currentVersion(db: Db, folder: string | undefined): Promise<number | null> {
  const all = await listMigrations(folder);
  const files = all.filter((file) => file.scope === 'shared');
  const recorded = await recordedMigrations(db);
  if (recorded === null || recorded.length !== files.length) return null;
  const same = files.every(
    (file, i) => recorded[i]?.version === file.version && recorded[i]?.name === file.name,
  );
  if (!same) return null;
  const perOltp = all.filter((file) => file.scope === 'oltp');
  return (await oltpUpToDate(db, perOltp)) ? (files.at(-1)?.version ?? 0) : null;
}

/** The rows of schema_migrations by version; null when there is no such table yet. */
async function recordedMigrations(db: Db): Promise<Recorded[] | null> {
  const table = await db.query<{ name: string | null }>(
    "SELECT to_regclass('schema_migrations')::text AS name",
  );
  if (table.rows[0]?.name == null) return null;
  return (await db.query<Recorded>('SELECT version, name FROM schema_migrations ORDER BY version')).rows.map(
    (row) => ({ version: Number(row.version), name: row.name }),
  );
}

export async function takeLock(tx: Transaction): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
}

function assertKnown(location: string, recorded: Recorded[], migrations: MigrationFile[]): void {
  const known = new Map(migrations.map((m) => [m.version, m]));
  const newestKnown = migrations.at(-1)?.version ?? 0;
  for (const row of recorded) {
    const file = known.get(row.version);
    if (!file && row.version > newestKnown) {
      throw new ConfigError(
        'DB_SCHEMA_TOO_NEW',
        `The database ${location} has schema version ${recorded.at(-1)?.version}, but this Kontor only knows versions up to ${newestKnown}. A newer Kontor has used this database: upgrade Kontor, or point it at another database.`,
      );
    }
    if (!file || file.name !== row.name) {
      throw new ConfigError(
        'DB_SCHEMA_MISMATCH',
        `The database ${location} has migration ${row.version} "${row.name}", which this Kontor does not have${file ? ` (it has "${file.name}")` : ''}. The database was made by a different Kontor build.`,
      );
    }
  }
}

/** Whether the database has every migration of this code: its version and how many migrations it lacks. */
export async function schemaStatus(
  db: Db,
  options: MigrateOptions = {},
): Promise<{ version: number; pending: number }> {
  const files = await listMigrations(options.folder);
  const migrations = files.filter((m) => m.scope === 'shared');
  const recorded = ((await recordedMigrations(db)) ?? []).map((row) => row.version);
  const done = new Set(recorded);
  const perOltp = files.filter((m) => m.scope === 'oltp');
  return {
    version: recorded.length ? Math.max(...recorded) : 0,
    pending:
      migrations.filter((migration) => !done.has(migration.version)).length +
      (await pendingOltpMigrations(db, perOltp)),
  };
}
