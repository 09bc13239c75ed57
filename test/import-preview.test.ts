/**
 * Preview of Import customers, end to end on both databases: it plans exactly what the run that follows it
 * does (the same counts, the same records awaiting and in error, updates with the fields that change), across
 * pages (a partner created on an earlier page owns its e-mail on a later one), and writes nothing: the
 * database dump (every table's rows, every sequence, pg_dump on PostgreSQL) is the same before and after.
 * Large previews page and stop reading when cancelled.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportRun } from '../src/domain/import-run.ts';
import { runImport } from '../src/import/import-service.ts';
import type { ImportCustomersSettings } from '../src/import/import-settings.ts';
import type { PreviewResult } from '../src/import/preview-service.ts';
import { createServices } from '../src/services.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import type { Db } from '../src/storage/db.ts';
import { getRunLog } from '../src/storage/import-run-store.ts';
import { dumpDb } from './support/db-dump.ts';
import { addMagentoChannel, testAdapters } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

function settings(overrides: Partial<ImportCustomersSettings> = {}): ImportCustomersSettings {
  return {
    channel: 'shop',
    changedSince: 'anytime',
    timestamp: null,
    emails: null,
    deactivateDeleted: false,
    confirmAllWarnings: false,
    ...overrides,
  };
}

/** The run's counts in the preview's terms. */
function asPreviewCounts(run: ImportRun) {
  const c = run.counts;
  return {
    read: c.read,
    create: c.created,
    update: c.updated,
    unchanged: c.unchanged,
    awaiting: c.awaiting,
    errors: c.errors,
    skipped: c.skipped,
  };
}

const idsOf = (preview: PreviewResult, action: string) =>
  preview.records
    .filter((record) => record.action === action)
    .map((record) => record.externalId)
    .sort();

/** Previews, checks that the database did not change at all, runs the same import and compares. */
async function previewThenRun(db: Db, input: ImportCustomersSettings) {
  const services = createServices(db, testAdapters);
  const before = await dumpDb(db);
  const preview = await services.previews.all(input);
  expect(await dumpDb(db)).toBe(before);
  const run = await runImport({ db, adapters: testAdapters }, { ...input, timestamp: null });
  expect(run.state).toBe('finished');
  expect(preview.counts).toEqual(asPreviewCounts(run));
  const log = await getRunLog(db, run.id);
  const logged = (level: string) =>
    [...new Set(log.filter((line) => line.level === level).map((line) => line.externalId))].sort();
  expect(idsOf(preview, 'awaiting')).toEqual(logged('awaiting'));
  expect(idsOf(preview, 'error').filter((id) => id !== null)).toEqual(logged('error').filter(Boolean));
  return { preview, run };
}

describeEachDb('Preview of Import customers', (getDb) => {
  let shop: MagentoSimulator;
  beforeAll(async () => {
    shop = await startMagentoSimulator({ customers: 60, seed: 61, brokenShare: 0.08 });
    // Customer 45 (a later page) gets the e-mail of customer 3 (the first page): a duplicate across pages.
    const first = shop.store.get(3)?.email as string;
    shop.store.change(45, (customer) => {
      customer.email = first;
    });
  });
  afterAll(async () => {
    await shop?.close();
  });

  it('plans what the run does, across pages, and writes nothing', async () => {
    const db = getDb();
    await addMagentoChannel(db, shop, 'shop', { settings: { token: shop.token, pageSize: '10' } });

    const first = await previewThenRun(db, settings());
    expect(first.preview.counts.read).toBe(60);
    expect(first.preview.counts.errors).toBeGreaterThan(0);
    expect(first.preview.counts.create).toBeGreaterThan(40);
    const dup = first.preview.records.find((record) => record.externalId === '45');
    expect(dup).toMatchObject({ action: 'awaiting', codes: ['DUPLICATE_EMAIL'] });

    // The shop changes one customer (a person, so that its name changes too): a Last transfer preview
    // shows the update with the changed fields.
    const old = shop.store
      .list()
      .find(
        (customer) =>
          !(customer.addresses ?? []).some((address) => address.company) &&
          first.preview.records.find((record) => record.externalId === String(customer.id))?.action ===
            'create',
      );
    const id = old?.id as number;
    shop.store.change(id, (customer) => {
      customer.lastname = 'Preview-Changed';
    });
    const second = await previewThenRun(
      db,
      settings({ changedSince: 'last-transfer', confirmAllWarnings: true }),
    );
    const changed = second.preview.records.find((record) => record.externalId === String(id));
    expect(changed?.action).toBe('update');
    expect(changed?.changes).toEqual(
      expect.arrayContaining([
        { field: 'lastName', from: old?.lastname, to: 'Preview-Changed' },
        expect.objectContaining({ field: 'name' }),
      ]),
    );
    expect(changed?.changes?.map((change) => change.field)).not.toContain('email');
    // Confirming the warnings imports the customer held back before.
    expect(second.preview.records.find((record) => record.externalId === '45')).toMatchObject({
      action: 'create',
      codes: ['DUPLICATE_EMAIL'],
    });

    // Everything read again: unchanged but for the records in error.
    const third = await previewThenRun(db, settings({ confirmAllWarnings: true }));
    expect(third.preview.counts).toMatchObject({ create: 0, update: 0, awaiting: 0 });
    expect(third.preview.counts.unchanged).toBe(60 - third.preview.counts.errors);
  });

  it('pages on demand and stops reading when cancelled', async () => {
    const db = getDb();
    await addMagentoChannel(db, shop, 'shop', { settings: { token: shop.token, pageSize: '10' } });
    const services = createServices(db, testAdapters);
    const whole = await services.previews.all(settings());

    const before = await dumpDb(db);
    const paged = await services.previews.open(settings());
    const records = [];
    let chunk = await paged.next(7);
    expect(chunk).toMatchObject({ done: false });
    expect(chunk.records).toHaveLength(7);
    records.push(...chunk.records);
    while (!chunk.done) {
      chunk = await paged.next(7);
      records.push(...chunk.records);
    }
    expect(records).toEqual(whole.records);
    expect(chunk.counts).toEqual(whole.counts);

    const searches = () => shop.requests.filter((request) => request.path.includes('/search')).length;
    const cancelled = await services.previews.open(settings());
    await cancelled.next(5);
    const read = searches();
    const controller = new AbortController();
    controller.abort();
    await expect(cancelled.next(100, controller.signal)).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(cancelled.next(100)).rejects.toMatchObject({ code: 'ABORTED' });
    expect(searches()).toBe(read);
    expect(await dumpDb(db)).toBe(before);
  });

  it('By email: the addresses the shop does not know', async () => {
    const db = getDb();
    await addMagentoChannel(db, shop, 'shop');
    const services = createServices(db, testAdapters);
    const email = shop.store.get(12)?.email as string;
    const preview = await services.previews.all(
      settings({ emails: [email, 'nobody@example.com'], confirmAllWarnings: true }),
    );
    expect(preview.counts).toMatchObject({ read: 1, create: 1 });
    expect(preview.emailsNotFound).toEqual(['nobody@example.com']);
  });
});

describeEachDb('The database dump that shows a preview wrote nothing', (getDb) => {
  it('changes with a consumed sequence value and with any row', async () => {
    const db = getDb();
    const before = await dumpDb(db);
    expect(await dumpDb(db)).toBe(before);
    await db.query("select nextval('partner_number_seq')");
    const afterSequence = await dumpDb(db);
    expect(afterSequence).not.toBe(before);
    await db.query(`update sales_channel set name = name where false`);
    expect(await dumpDb(db)).toBe(afterSequence);
    await db.query(`create table dump_probe (id int)`);
    await db.query(`insert into dump_probe values (1)`);
    expect(await dumpDb(db)).not.toBe(afterSequence);
  });
});
