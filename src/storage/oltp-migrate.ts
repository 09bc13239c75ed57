/**
 * The per-OLTP migrations (NNNN_name.oltp.sql): each OLTP database is a schema `oltp_<name in lower case>`;
 * a migration runs in one transaction with that schema first on the search_path (so its SQL names tables
 * unqualified) and is recorded in oltp_migration. migrate() applies what an OLTP schema lacks; a new OLTP
 * database gets all of them, 0000 first, in the transaction that adds it.
 */
import { BugError, ConfigError, KontorError } from '../domain/errors.ts';
import type { Db, Queryable, Transaction } from './db.ts';
import type { MigrationFile } from './migration-files.ts';
import { oltpSchema } from './oltp-schema.ts';

interface RecordedOltp {
  oltp_database: string;
  version: number;
  name: string;
}

/** Whether the database has the table of OLTP databases (migration 0015). */
export async function hasOltpDatabases(db: Queryable): Promise<boolean> {
  const table = await db.query<{ name: string | null }>(
    "SELECT to_regclass('public.oltp_database')::text AS name",
  );
  return table.rows[0]?.name != null;
}

/** True when every OLTP database has exactly the per-OLTP migrations `files` (numbers and names). */
export async function oltpUpToDate(
  db: Queryable,
  files: ReadonlyArray<Pick<MigrationFile, 'version' | 'name'>>,
): Promise<boolean> {
  if (!(await hasOltpDatabases(db))) return files.length === 0;
  const { rows } = await db.query<{ name: string; versions: number[] | null; names: string[] | null }>(
    `select d.name, array_agg(m.version order by m.version) filter (where m.version is not null) as versions,
       array_agg(m.name order by m.version) filter (where m.version is not null) as names
     from oltp_database d left join oltp_migration m on m.oltp_database = d.name group by d.name`,
  );
  return rows.every((row) => {
    const versions = row.versions ?? [];
    const names = row.names ?? [];
    return (
      versions.length === files.length &&
      files.every((file, i) => Number(versions[i]) === file.version && names[i] === file.name)
    );
  });
}

/** How many per-OLTP migrations the OLTP databases lack, summed over them. */
export async function pendingOltpMigrations(
  db: Queryable,
  files: ReadonlyArray<Pick<MigrationFile, 'version'>>,
): Promise<number> {
  if (files.length === 0 || !(await hasOltpDatabases(db))) return 0;
  const { rows } = await db.query<{ done: unknown }>(
    `select count(m.version) filter (where m.version = any($1::int[])) as done
     from oltp_database d left join oltp_migration m on m.oltp_database = d.name group by d.name`,
    [files.map((file) => file.version)],
  );
  return rows.reduce((sum, row) => sum + files.length - Number(row.done), 0);
}

/** Applies the per-OLTP migrations each OLTP database lacks; returns those applied (one entry per database). */
export async function migrateOltpDatabases(
  db: Db,
  migrations: readonly MigrationFile[],
  takeLock: (tx: Transaction) => Promise<void>,
): Promise<MigrationFile[]> {
  if (migrations.length === 0 || !(await hasOltpDatabases(db))) return [];
  const recorded = (
    await db.query<RecordedOltp>('select oltp_database, version, name from oltp_migration order by version')
  ).rows;
  const names = (await db.query<{ name: string }>('select name from oltp_database order by name')).rows;
  assertKnownOltp(db.location, recorded, migrations);
  const applied: MigrationFile[] = [];
  for (const { name } of names) {
    const done = new Set(
      recorded.filter((row) => row.oltp_database === name).map((row) => Number(row.version)),
    );
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      const ran = await run(migration, () =>
        db.transaction(async (tx) => {
          await takeLock(tx);
          await tx.query('SET LOCAL statement_timeout = 0');
          return await applyOltpMigration(tx, name, migration);
        }),
      );
      if (ran) applied.push(migration);
    }
  }
  return applied;
}

/**
 * Applies one per-OLTP migration to `oltp`'s schema inside `tx` (creating the schema for 0000) unless it is
 * recorded; true when it ran. The search_path is set for the rest of the transaction only.
 */
export async function applyOltpMigration(
  tx: Transaction,
  oltp: string,
  migration: MigrationFile,
): Promise<boolean> {
  const inserted = await tx.query(
    `insert into oltp_migration (oltp_database, version, name) values ($1, $2, $3)
     on conflict (oltp_database, version) do nothing`,
    [oltp, migration.version, migration.name],
  );
  if (inserted.rowCount === 0) return false;
  const schema = oltpSchema(oltp);
  await tx.query(`create schema if not exists ${schema}`);
  await tx.query("select set_config('search_path', $1, true)", [`${schema}, public`]);
  await tx.exec(migration.sql);
  return true;
}

async function run(migration: MigrationFile, fn: () => Promise<boolean>): Promise<boolean> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof KontorError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new BugError('MIGRATION_FAILED', `Migration ${migration.file} failed: ${reason}`, { cause: error });
  }
}

function assertKnownOltp(location: string, recorded: RecordedOltp[], migrations: readonly MigrationFile[]) {
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of recorded) {
    const file = known.get(Number(row.version));
    if (!file || file.name !== row.name) {
      throw new ConfigError(
        'DB_SCHEMA_MISMATCH',
        `The OLTP database "${row.oltp_database}" of ${location} has migration ${row.version} "${row.name}", which this Kontor does not have${file ? ` (it has "${file.name}")` : ''}. A newer or different Kontor build has used this database.`,
      );
    }
  }
}
