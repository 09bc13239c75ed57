/**
 * OLTP databases (issue 16): several in one installation, a schema each, shared users, queues and jobs; a job
 * runs against the OLTP database it was filed for while one application server serves all of them.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppServer } from '../src/batch/app-server.ts';
import { IMPORT_CUSTOMERS } from '../src/batch/applications/import-customers-app.ts';
import { JobService } from '../src/batch/job-service.ts';
import { RunService } from '../src/import/run-service.ts';
import { OltpService, oltpDb } from '../src/oltp/oltp-service.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { findChannelByName } from '../src/storage/channel-store.ts';
import type { Db, Queryable } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { DEFAULT_MIGRATIONS_FOLDER, readMigrations } from '../src/storage/migration-files.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { batch, FAST_TIMING, jobInState, testApplications } from './support/batch-fixtures.ts';
import { addMagentoChannel } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const importJob = (db: Db, oltp: string, channel = 'shop', overrides = {}) =>
  new JobService(db, testApplications).file({
    application: IMPORT_CUSTOMERS,
    settings: { channel, changedSince: 'anytime', confirmAllWarnings: true },
    batch: batch({ oltpDatabase: oltp, ...overrides }),
  });

/** The structure of a schema, with its name taken out: columns, constraints, indexes. */
async function structure(db: Queryable, schema: string): Promise<string[]> {
  const strip = (text: string) => text.replaceAll(`${schema}.`, '');
  const columns = await db.query<{ line: string }>(
    `select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
       coalesce(column_default, '') || ' ' || coalesce(generation_expression, '') as line
     from information_schema.columns where table_schema = $1`,
    [schema],
  );
  const constraints = await db.query<{ line: string }>(
    `select c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) as line
     from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = $1`,
    [schema],
  );
  const indexes = await db.query<{ line: string }>(
    'select indexdef as line from pg_indexes where schemaname = $1',
    [schema],
  );
  const sequences = await db.query<{ line: string }>(
    `select sequence_name || ' ' || start_value as line from information_schema.sequences
     where sequence_schema = $1`,
    [schema],
  );
  return [...columns.rows, ...constraints.rows, ...indexes.rows, ...sequences.rows]
    .map((row) => strip(row.line))
    .sort();
}

describeEachDb('OLTP databases', (getDb) => {
  let sim: MagentoSimulator;
  let other: MagentoSimulator;
  let server: AppServer | null = null;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 12, seed: 3, brokenShare: 0 });
    other = await startMagentoSimulator({ customers: 5, seed: 4, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
    await other?.close();
  });
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  it('keeps each one apart: the same channel name in both, an import into TEST leaves PROD untouched, one server runs jobs of both', async () => {
    const db = getDb();
    const oltp = new OltpService(db);
    await oltp.add('PROD');
    await oltp.add('TEST', 'de');
    const prod = oltpDb(db, 'PROD');
    const test = oltpDb(db, 'TEST');
    await addMagentoChannel(prod, other, 'shop');
    await addMagentoChannel(test, sim, 'shop');
    await addMagentoChannel(test, sim, 'only-test');

    server = await AppServer.start({ db, name: 'A', applications: testApplications, timing: FAST_TIMING });
    const testJob = await importJob(db, 'test'); // the name in any case
    expect(testJob.oltpDatabase).toBe('TEST');
    // Filed without a content language: TEST's (de) is the job's, PROD's (en) the other's.
    expect(testJob.contentLanguage).toBe('de');
    await jobInState(db, testJob.id, ['finished'], 30_000);
    expect(await listPartners(test, { channel: 'shop' })).toHaveLength(12);
    expect(await listPartners(prod)).toHaveLength(0);
    expect(await listPartners(db)).toHaveLength(0); // the default one
    expect((await findChannelByName(prod, 'shop'))!.watermark).toBeNull();

    const prodJob = await importJob(db, 'PROD');
    expect(prodJob.contentLanguage).toBe('en');
    await jobInState(db, prodJob.id, ['finished'], 30_000);
    expect(await listPartners(prod, { channel: 'shop' })).toHaveLength(5);
    expect(await listPartners(test, { channel: 'shop' })).toHaveLength(12);
    // A job's log is read from its OLTP database, whichever the reader works on.
    const testRun = (await new JobService(db, testApplications).show(String(testJob.id))).runs[0]!;
    const { run: testImport } = await new RunService(db).withLog(testRun.importRunId, testJob.oltpDatabase);
    expect(testImport).toMatchObject({ counts: { created: 12 } });
    expect(
      (await importJob(db, 'TEST', 'shop', { contentLanguage: 'pl', releaseImmediately: false }))
        .contentLanguage,
    ).toBe('pl');
    // Partner numbers are counted per OLTP database.
    expect((await listPartners(prod)).map((p) => p.number).sort()[0]).toBe('100001');

    // The channel a job names must exist in the job's OLTP database.
    await expect(importJob(db, 'PROD', 'only-test')).rejects.toMatchObject({ field: 'channel' });
    await expect(importJob(db, 'NOPE')).rejects.toThrow(
      'OLTP database "NOPE" does not exist. The OLTP databases are: default, PROD, TEST.',
    );
  });

  it('adds, lists and removes; remove refuses the default one and one with open jobs', async () => {
    const db = getDb();
    const oltp = new OltpService(db);
    expect(await oltp.list()).toEqual([{ name: 'default', language: 'en', default: true }]);
    await oltp.add('TEST', 'pl-pl');
    expect(await oltp.list()).toEqual([
      { name: 'default', language: 'en', default: true },
      { name: 'TEST', language: 'pl-PL', default: false },
    ]);
    await expect(oltp.add('test')).rejects.toMatchObject({ code: 'NAME_TAKEN' });
    await expect(oltp.add('no-dash')).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
    await expect(oltp.add('X', 'not a tag')).rejects.toMatchObject({ field: 'language' });
    await expect(oltp.remove('default')).rejects.toMatchObject({ code: 'OLTP_IS_DEFAULT' });
    await expect(oltp.remove('nope')).rejects.toMatchObject({ code: 'OLTP_UNKNOWN' });

    await addMagentoChannel(oltpDb(db, 'TEST'), sim, 'shop');
    const planned = await importJob(db, 'TEST', 'shop', { releaseImmediately: false });
    expect(planned.state).toBe('planned');
    await expect(oltp.remove('TEST')).rejects.toThrow(
      `OLTP database "TEST" has batch jobs that have not ended: ${planned.id} "${planned.name}".`,
    );
    expect((await oltp.list()).map((o) => o.name)).toEqual(['default', 'TEST']);
    await new JobService(db, testApplications).cancel(String(planned.id));
    await oltp.remove('TEST');
    expect((await oltp.list()).map((o) => o.name)).toEqual(['default']);
    const schema = await db.query("select 1 from pg_namespace where nspname = 'oltp_test'");
    expect(schema.rows).toHaveLength(0);
    // Added again, it starts empty.
    await oltp.add('TEST');
    expect(await listPartners(oltpDb(db, 'TEST'))).toHaveLength(0);
    expect(await findChannelByName(oltpDb(db, 'TEST'), 'shop')).toBeNull();
  });

  it('gives a new OLTP database exactly the tables that migration 0015 moved into oltp_default', async () => {
    const db = getDb();
    await new OltpService(db).add('TEST');
    const moved = await structure(db, 'oltp_default');
    expect(moved.length).toBeGreaterThan(100);
    expect(await structure(db, 'oltp_test')).toEqual(moved);
  });
});

// A database migrated before 0015 (a Kontor of before OLTP databases), then by this Kontor.
const before0015 = await mkdtemp(join(tmpdir(), 'kontor-before-0015-'));
for (const file of await readMigrations()) {
  if (file.scope === 'shared' && file.version < 15)
    await cp(file.file, join(before0015, basename(file.file)));
}
afterAll(async () => {
  await rm(before0015, { recursive: true, force: true });
});

describeEachDb(
  'a database from before OLTP databases',
  (getDb) => {
    it('keeps its data and its jobs under the OLTP database "default"', async () => {
      const db = getDb();
      await db.query(
        `insert into sales_channel (name, adapter, channel_type, url) values ('shop', 'magento', 'b2c', 'http://x')`,
      );
      await db.query(
        `insert into partner (number, partner_type, status, name) values (nextval('partner_number_seq')::text, 'B2C', 'Released', 'Old Customer')`,
      );
      await db.query(
        `insert into channel_link (channel_id, external_id, partner_id, imported_at, fingerprint)
         select c.id, '7', p.id, now(), 'f' from sales_channel c, partner p`,
      );
      await db.query(
        `insert into import_run (channel_id, state, changed_since) select id, 'finished', 'anytime' from sales_channel`,
      );
      await db.query(
        `insert into batch_job (name, application, user_name, oltp_database, content_language, queue_id,
           start_mode, time_zone, notification, release_immediately, state)
         values ('old', 'import-customers', 'tester', '.kontor', 'en', 1, 'add-to-queue', 'UTC', 'none', true, 'finished')`,
      );

      await migrate(db, { folder: DEFAULT_MIGRATIONS_FOLDER });
      expect(await new OltpService(db).list()).toEqual([{ name: 'default', language: 'en', default: true }]);
      const old = oltpDb(db, 'default');
      expect(await listPartners(old, { channel: 'shop' })).toMatchObject([
        { number: '100001', name: 'Old Customer', links: [{ channel: 'shop', externalId: '7' }] },
      ]);
      const publicTables = await db.query(
        "select 1 from pg_tables where schemaname = 'public' and tablename in ('partner', 'sales_channel')",
      );
      expect(publicTables.rows).toHaveLength(0);
      const jobs = await db.query<{ oltp_database: string }>('select oltp_database from batch_job');
      expect(jobs.rows).toEqual([{ oltp_database: 'default' }]);
      // New import runs continue the ids of the old ones, in every OLTP database.
      await new OltpService(db).add('TEST');
      await addMagentoChannel(oltpDb(db, 'TEST'), { url: 'http://127.0.0.1:9', token: 't' }, 'shop');
      const next = await oltpDb(db, 'TEST').query<{ id: unknown }>(
        `insert into import_run (channel_id, state, changed_since) select id, 'finished', 'anytime'
         from sales_channel returning id`,
      );
      expect(Number(next.rows[0]!.id)).toBe(2);
      // Migrated again: nothing left to do.
      expect((await migrate(db)).applied).toEqual([]);
      expect(await structure(db, 'oltp_test')).toEqual(await structure(db, 'oltp_default'));
    });
  },
  { migrationsFolder: before0015 },
);

describe('per-OLTP migration files', () => {
  it('are NNNN_name.oltp.sql, numbered with the shared ones, 0000 the start of a new OLTP schema', async () => {
    const files = await readMigrations();
    expect(files.find((f) => f.version === 0)).toMatchObject({ scope: 'oltp', name: 'oltp_tables' });
    expect(files.find((f) => f.version === 15)).toMatchObject({ scope: 'shared', name: 'oltp_databases' });
  });
});
