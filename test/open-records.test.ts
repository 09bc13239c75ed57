/**
 * Open records end to end (docs/import-rules.md "Open records"), the Magento simulator over HTTP and a real
 * database: a record a run did not import is kept until it is imported, confirmed or ignored, whether or not
 * later reads return it; it no longer holds the watermark; every Last transfer reads the open records again by
 * id; confirm imports from the kept record without a read; ignore closes it (by whom); retry reads it again.
 */
import { afterEach, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { createServices } from '../src/services.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { findChannelByName } from '../src/storage/channel-store.ts';
import type { Db } from '../src/storage/db.ts';
import { getRunLog, startRun } from '../src/storage/import-run-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { addMagentoChannel, importRequest, lastTransfer, testAdapters } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

/** Magento writes "YYYY-MM-DD HH:MM:SS" (UTC). */
const OLD_DATE = '2001-02-03 04:05:06';

describeEachDb('Open records', (getDb) => {
  const sims: MagentoSimulator[] = [];
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((sim) => sim.close()));
  });

  async function shop(db: Db, customers = 30): Promise<MagentoSimulator> {
    const sim = await startMagentoSimulator({ customers, seed: 5, brokenShare: 0 });
    sims.push(sim);
    await addMagentoChannel(db, sim, 'shop', {
      type: 'b2c',
      settings: { token: sim.token, pageSize: '10' },
    });
    return sim;
  }

  /** Gives a stored customer a raw updated_at (bypassing the shop's validation, as a broken import would). */
  function setUpdatedAt(sim: MagentoSimulator, id: number, updatedAt: string): void {
    const customer = sim.store.get(id);
    if (!customer) throw new Error(`no customer ${id}`);
    sim.store.load({ customers: [{ ...customer, updated_at: updatedAt }], companies: [], broken: new Map() });
  }

  function withoutAddress(sim: MagentoSimulator, id: number): void {
    sim.store.change(id, (customer) => {
      customer.addresses = [];
      delete customer.default_billing;
      delete customer.default_shipping;
    });
  }

  const linkedIds = async (db: Db) =>
    new Set((await listPartners(db, { channel: 'shop' })).flatMap((p) => p.links.map((l) => l.externalId)));

  /** The customer-search requests that asked for these entity ids (a read by id). */
  const byIdReads = (sim: MagentoSimulator) =>
    sim.requests.filter((request) => /entity_id.*condition_type\]=in/.test(request.query));

  it('keeps a zero-date record open across Last transfers without holding the watermark, and imports it once fixed', async () => {
    const db = getDb();
    const sim = await shop(db);
    const services = createServices(db, testAdapters);
    const zero = sim.store.list()[12]!.id as number;
    setUpdatedAt(sim, zero, '0000-00-00 00:00:00');

    const first = await runImport({ db, adapters: testAdapters }, lastTransfer('shop'));
    expect(first.counts).toMatchObject({ created: 29, errors: 1 });
    // Kept with its code, the raw record's e-mail and the run; the watermark moved to the newest change time.
    const [kept] = (await services.records.list({ channel: 'shop' })).records;
    expect(kept).toMatchObject({
      channel: 'shop',
      externalId: String(zero),
      email: sim.store.get(zero)?.email,
      level: 'error',
      codes: ['INVALID_DATE'],
      state: 'open',
      runId: first.id,
      resolvedBy: null,
    });
    const newest = sim.store
      .list()
      .filter((customer) => customer.id !== zero)
      .map((customer) => `${(customer.updated_at as string).replace(' ', 'T')}.000Z`)
      .sort()
      .at(-1);
    expect(first.watermarkAfter).toBe(newest);

    // Later Last transfers read only the overlap and the open record by id: it stays open, seen again.
    const second = await runImport({ db, adapters: testAdapters }, lastTransfer('shop'));
    expect(second.counts).toMatchObject({ created: 0, errors: 1 });
    expect(second.counts.read).toBeLessThan(10);
    expect(second.watermarkAfter).toBe(newest);
    expect((await getRunLog(db, second.id)).map((line) => line.externalId)).toContain(String(zero));
    const seenAgain = (await services.records.list({ channel: 'shop' })).records[0];
    expect(seenAgain).toMatchObject({ state: 'open', runId: second.id, firstSeenAt: kept?.firstSeenAt });
    expect((await services.channels.list()).length).toBe(1);
    expect((await services.records.openCounts()).get((await findChannelByName(db, 'shop'))!.id)).toBe(1);

    // Fixed in the shop with a change time long before the watermark: only the read by id can return it.
    setUpdatedAt(sim, zero, OLD_DATE);
    const third = await runImport({ db, adapters: testAdapters }, lastTransfer('shop'));
    expect(third.counts).toMatchObject({ created: 1, errors: 0 });
    expect(await linkedIds(db)).toContain(String(zero));
    expect((await services.records.list({ channel: 'shop' })).records[0]).toMatchObject({
      state: 'imported',
      runId: third.id,
      resolvedBy: null,
    });
    expect(third.watermarkAfter).toBe(newest);

    // Nothing open any more: the next Last transfer reads no record by id.
    const before = byIdReads(sim).length;
    await runImport({ db, adapters: testAdapters }, lastTransfer('shop'));
    expect(byIdReads(sim).length).toBe(before);
  });

  it('confirms records awaiting confirmation from the kept record, without a read of the shop', async () => {
    const db = getDb();
    const sim = await shop(db);
    const services = createServices(db, testAdapters);
    withoutAddress(sim, 3);
    withoutAddress(sim, 4);
    // The seed has customers without an address too.
    const unaddressed = sim.store
      .list()
      .filter((customer) => (customer.addresses ?? []).length === 0)
      .map((customer) => String(customer.id));
    expect(unaddressed.length).toBeGreaterThan(2);
    const held = await runImport(
      { db, adapters: testAdapters },
      importRequest('shop', { changedSince: 'last-transfer' }),
    );
    expect(held.counts).toMatchObject({ awaiting: unaddressed.length, created: 30 - unaddressed.length });
    const open = await services.records.list({ channel: 'shop', state: 'open', code: 'NO_ADDRESS' });
    expect(open.records.map((record) => record.externalId).sort()).toEqual(unaddressed.sort());
    expect(open.records[0]).toMatchObject({ level: 'warning', codes: ['NO_ADDRESS'] });

    // The shop is gone: a read would fail, so only the kept record can import them.
    const requests = sim.requests.length;
    await sim.close();
    const result = await services.records.confirm({
      channel: 'shop',
      externalIds: ['3', '404'],
      by: 'anna',
    });
    expect(result.handled).toEqual(['3']);
    expect(result.failed).toEqual([{ externalId: '404', message: expect.stringContaining('No record') }]);
    expect(sim.requests.length).toBe(requests);
    expect(await linkedIds(db)).toContain('3');
    expect(await linkedIds(db)).not.toContain('4');
    const partner = (await listPartners(db, { channel: 'shop' })).find((p) => p.links[0]?.externalId === '3');
    expect(partner?.addresses).toEqual([]);

    // The action is an import run of its own (the run log shows it), and the record is confirmed by anna.
    const run = await services.runs.get(result.runId as number);
    expect(run).toMatchObject({ changedSince: 'open-records', state: 'finished' });
    expect(run?.counts).toMatchObject({ created: 1, warnings: 1 });
    const confirmed = await services.records.list({ channel: 'shop', state: 'confirmed' });
    expect(confirmed.records).toEqual([
      expect.objectContaining({ externalId: '3', resolvedBy: 'anna', runId: result.runId }),
    ]);
    expect(confirmed.records[0]?.resolvedAt).not.toBeNull();
    // The watermark is the one of the Last transfer: an action does not move it.
    expect(run?.watermarkAfter).toBe(held.watermarkAfter);
    // Records with errors cannot be confirmed; a confirmed one not again.
    const again = await services.records.confirm({ channel: 'shop', externalIds: ['3'], by: 'anna' });
    expect(again.failed[0]?.message).toContain('confirmed, not open');
  });

  it('ignoring closes a record (by whom, when) and releases it: no longer read, the watermark not held', async () => {
    const db = getDb();
    const sim = await shop(db);
    const services = createServices(db, testAdapters);
    const zero = sim.store.list()[5]!.id as number;
    setUpdatedAt(sim, zero, '0000-00-00 00:00:00');
    const first = await runImport({ db, adapters: testAdapters }, lastTransfer('shop'));
    expect(first.counts.errors).toBe(1);

    const result = await services.records.ignore({ channel: 'shop', externalIds: [String(zero)], by: 'ben' });
    expect(result).toMatchObject({ handled: [String(zero)], failed: [] });
    const [ignored] = (await services.records.list({ channel: 'shop', state: 'ignored' })).records;
    expect(ignored).toMatchObject({ externalId: String(zero), state: 'ignored', resolvedBy: 'ben' });
    expect(Date.parse(ignored?.resolvedAt as string)).not.toBeNaN();
    expect((await services.records.list({ channel: 'shop', state: 'open' })).total).toBe(0);
    expect(await getRunLog(db, result.runId as number)).toEqual([
      expect.objectContaining({ level: 'info', code: 'RECORD_IGNORED', externalId: String(zero) }),
    ]);

    // The next Last transfer neither reads it by id nor holds the watermark for it; it stays ignored.
    const before = byIdReads(sim).length;
    const next = await runImport({ db, adapters: testAdapters }, lastTransfer('shop'));
    expect(byIdReads(sim).length).toBe(before);
    expect(next.counts.errors).toBe(0);
    expect(next.watermarkAfter).toBe(first.watermarkAfter);
    expect((await services.records.list({ channel: 'shop' })).records[0]).toMatchObject({
      state: 'ignored',
      resolvedBy: 'ben',
    });
    const twice = await services.records.ignore({ channel: 'shop', externalIds: [String(zero)], by: 'ben' });
    expect(twice.handled).toEqual([String(zero)]);

    // Under the channel's run guard: never beside another import of the channel.
    const channel = (await findChannelByName(db, 'shop'))!;
    await db.transaction((tx) =>
      startRun(
        tx,
        {
          channelId: channel.id,
          changedSince: 'last-transfer',
          since: null,
          emails: null,
          options: {},
          watermarkBefore: channel.watermark,
        },
        { ownLeaseSeconds: 30 },
      ),
    );
    await expect(
      services.records.retry({ channel: 'shop', externalIds: [String(zero)], by: 'ben' }),
    ).rejects.toMatchObject({ code: 'IMPORT_RUNNING' });
  });

  it('retry reads the records again from the shop by id and imports those now valid', async () => {
    const db = getDb();
    const sim = await shop(db);
    const services = createServices(db, testAdapters);
    const [a, b] = [sim.store.list()[7]!.id as number, sim.store.list()[8]!.id as number];
    setUpdatedAt(sim, a, '0000-00-00 00:00:00');
    setUpdatedAt(sim, b, '0000-00-00 00:00:00');
    await runImport({ db, adapters: testAdapters }, lastTransfer('shop'));
    expect((await services.records.list({ channel: 'shop', state: 'open' })).total).toBe(2);

    setUpdatedAt(sim, a, OLD_DATE);
    const reads = byIdReads(sim).length;
    const result = await services.records.retry({
      channel: 'shop',
      externalIds: [String(a), String(b)],
      by: 'carla',
    });
    expect(byIdReads(sim).length).toBe(reads + 1);
    expect(byIdReads(sim).at(-1)?.query).toContain(`${a},${b}`);
    expect(result.handled).toEqual([String(a)]);
    expect(result.failed).toEqual([
      { externalId: String(b), message: expect.stringContaining('still not importable: INVALID_DATE') },
    ]);
    expect(await linkedIds(db)).toContain(String(a));
    const states = new Map(
      (await services.records.list({ channel: 'shop' })).records.map((r) => [r.externalId, r.state]),
    );
    expect(states).toEqual(
      new Map([
        [String(a), 'imported'],
        [String(b), 'open'],
      ]),
    );
    const run = await services.runs.get(result.runId as number);
    expect(run).toMatchObject({ changedSince: 'open-records', state: 'finished' });
    expect(run?.counts).toMatchObject({ read: 2, created: 1, errors: 1 });

    // A customer deleted in the shop: not returned, so not handled (it stays open).
    sim.store.load({ customers: [], companies: [], broken: new Map() });
    const gone = await services.records.retry({ channel: 'shop', externalIds: ['999999'], by: 'carla' });
    expect(gone.failed[0]?.message).toContain('No record');
  });
});
