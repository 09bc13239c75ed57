/** SQL for the OLTP databases (table oltp_database, migration 0015) and their schemas (oltp-migrate.ts). */
import type { OltpDatabase } from '../domain/oltp-database.ts';
import type { Db, Queryable } from './db.ts';
import { takeLock } from './migrate.ts';
import { type MigrationFile, readMigrations } from './migration-files.ts';
import { applyOltpMigration } from './oltp-migrate.ts';
import { oltpSchema } from './oltp-schema.ts';

/** Every OLTP database, the default (first created) first, then by name. */
export async function listOltpDatabases(db: Queryable): Promise<OltpDatabase[]> {
  const { rows } = await db.query<{ name: string; language: string; is_default: boolean }>(
    `select name, language, row_number() over (order by created_at, name) = 1 as is_default
     from oltp_database order by is_default desc, lower(name)`,
  );
  return rows.map((row) => ({ name: row.name, language: row.language, default: row.is_default }));
}

/** The OLTP database of this name, compared without case; null when there is none. */
export async function findOltpDatabase(db: Queryable, name: string): Promise<OltpDatabase | null> {
  return (await listOltpDatabases(db)).find((o) => o.name.toLowerCase() === name.toLowerCase()) ?? null;
}

/**
 * Adds an OLTP database and creates its schema with every per-OLTP migration, in one transaction under the
 * migration lock; false when the name (in any case) is taken.
 */
export async function insertOltpDatabase(
  db: Db,
  name: string,
  language: string,
  folder?: string,
): Promise<boolean> {
  const migrations: MigrationFile[] = (await readMigrations(folder)).filter((m) => m.scope === 'oltp');
  return await db.transaction(async (tx) => {
    await takeLock(tx);
    const inserted = await tx.query(
      `insert into oltp_database (name, language) values ($1, $2) on conflict do nothing`,
      [name, language],
    );
    if (inserted.rowCount === 0) return false;
    await tx.query(`drop schema if exists ${oltpSchema(name)} cascade`); // a leftover of a failed removal
    for (const migration of migrations) await applyOltpMigration(tx, name, migration);
    return true;
  });
}

/** Jobs filed for the OLTP database that have not ended (planned, released, ready, active). */
export async function openJobsOf(db: Queryable, name: string): Promise<Array<{ id: number; name: string }>> {
  const { rows } = await db.query<{ id: unknown; name: string }>(
    `select id, name from batch_job where lower(oltp_database) = lower($1)
       and state in ('planned', 'released', 'ready', 'active') order by id`,
    [name],
  );
  return rows.map((row) => ({ id: Number(row.id), name: row.name }));
}

/**
 * Removes an OLTP database and its schema (all its data) in one transaction, unless a job filed for it has
 * not ended meanwhile (the job rows are locked): then nothing is removed and the open jobs are returned.
 */
export async function deleteOltpDatabase(
  db: Db,
  name: string,
): Promise<{ removed: boolean; openJobs: Array<{ id: number; name: string }> }> {
  return await db.transaction(async (tx) => {
    await takeLock(tx);
    await tx.query('select id from batch_job where lower(oltp_database) = lower($1) for update', [name]);
    const openJobs = await openJobsOf(tx, name);
    if (openJobs.length > 0) return { removed: false, openJobs };
    const deleted = await tx.query('delete from oltp_database where name = $1', [name]);
    if (deleted.rowCount === 0) return { removed: false, openJobs };
    await tx.query(`drop schema if exists ${oltpSchema(name)} cascade`);
    return { removed: true, openJobs };
  });
}
