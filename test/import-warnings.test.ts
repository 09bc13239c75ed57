/**
 * Confirm all warnings, end to end with the Magento simulator: records with warnings wait for confirmation
 * (not imported, listed in the run log, the watermark held before them) unless the option is set; confirmed,
 * they are imported with their warnings logged and are not held back again for the same warnings.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { magentoDateToIso } from '../src/adapters/magento/magento-dates.ts';
import { runImport } from '../src/import/import-service.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { getRunLog } from '../src/storage/import-run-store.ts';
import { listOpenRecords } from '../src/storage/open-record-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { testAdapters as adapters, addMagentoChannel, importRequest } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('Confirm all warnings', (getDb) => {
  let sim: MagentoSimulator;
  let other: MagentoSimulator;
  /** The customers given a warning: without address, with country "UK", with a malformed tax id. */
  let unaddressed = 0;
  let uk = 0;
  let badTaxId = 0;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 60, seed: 21, brokenShare: 0 });
    other = await startMagentoSimulator({ customers: 3, seed: 22, brokenShare: 0 });
    // One customer of each warning in the first shop.
    const ids = sim.store.ids();
    [unaddressed, uk, badTaxId] = [ids[2] as number, ids[4] as number, ids[6] as number];
    sim.store.change(unaddressed, (customer) => {
      customer.addresses = [];
      delete customer.default_billing;
      delete customer.default_shipping;
    });
    sim.store.change(uk, (customer) => {
      for (const address of customer.addresses ?? []) address.country_id = 'UK';
    });
    sim.store.change(badTaxId, (customer) => {
      customer.taxvat = 'DE12';
      for (const address of customer.addresses ?? []) {
        address.country_id = 'DE';
        delete address.vat_id;
      }
    });
  });
  afterAll(async () => {
    await sim?.close();
    await other?.close();
  });

  it('without the option holds records with warnings back and lists them; with it imports them', async () => {
    const db = getDb();
    await addMagentoChannel(db, sim, 'shop', { type: 'b2c' });
    const held = await runImport({ db, adapters }, importRequest('shop', { changedSince: 'last-transfer' }));
    expect(held.state).toBe('finished');
    const log = await getRunLog(db, held.id);
    const awaiting = new Map(log.filter((l) => l.level === 'awaiting').map((l) => [l.externalId, l]));
    expect(awaiting.get(String(unaddressed))).toMatchObject({
      code: 'NO_ADDRESS',
      message: 'The customer has no address.',
    });
    expect(awaiting.get(String(uk))).toMatchObject({
      code: 'UNKNOWN_COUNTRY',
      message: 'The country "UK" is not an ISO 3166 country code (did the shop mean GB?).',
    });
    expect(awaiting.get(String(badTaxId))).toMatchObject({ code: 'TAX_ID_FORMAT' });
    expect(held.counts.awaiting).toBe(new Set(awaiting.keys()).size);
    expect(held.counts.created).toBe(60 - held.counts.awaiting);
    const imported = new Set(
      (await listPartners(db, { channel: 'shop' })).map((p) => p.links[0]?.externalId),
    );
    for (const id of awaiting.keys()) expect(imported.has(id as string)).toBe(false);
    // Records awaiting confirmation are kept open, so they no longer hold the watermark: it moves to the
    // newest change time read; the next Last transfer reads them again by id (docs/import-rules.md).
    const newest = sim.store
      .list()
      .map((c) => magentoDateToIso(c.updated_at as string) as string)
      .sort()
      .at(-1);
    expect(held.watermarkAfter).toBe(newest);
    const open = await listOpenRecords(db, { channel: 'shop', state: 'open' });
    expect(new Set(open.records.map((record) => record.externalId))).toEqual(new Set(awaiting.keys()));
    expect(open.records.find((record) => record.externalId === String(unaddressed))).toMatchObject({
      level: 'warning',
      codes: ['NO_ADDRESS'],
      runId: held.id,
    });

    const confirmed = await runImport(
      { db, adapters },
      importRequest('shop', { changedSince: 'last-transfer', confirmAllWarnings: true }),
    );
    // Read again by id as open records (the watermark had moved past them) and imported, warnings confirmed.
    expect(confirmed.counts).toMatchObject({ created: held.counts.awaiting, awaiting: 0 });
    expect((await listOpenRecords(db, { channel: 'shop', state: 'imported' })).total).toBe(
      held.counts.awaiting,
    );
    expect(confirmed.counts.warnings).toBe(held.counts.awaiting);
    const warned = (await getRunLog(db, confirmed.id)).filter((l) => l.level === 'warning');
    expect(new Set(warned.map((l) => l.externalId))).toEqual(new Set(awaiting.keys()));
    const partners = await listPartners(db, { channel: 'shop' });
    expect(partners).toHaveLength(60);
    const ukPartner = partners.find((p) => p.links[0]?.externalId === String(uk));
    expect(ukPartner?.addresses.every((a) => a.country === 'UK')).toBe(true);

    // A confirmed warning does not hold a later change of the same customer back again.
    sim.store.change(unaddressed, (customer) => {
      customer.lastname = 'Confirmed';
    });
    const later = await runImport({ db, adapters }, importRequest('shop', { changedSince: 'last-transfer' }));
    expect(later.counts).toMatchObject({ updated: 1, awaiting: 0, warnings: 0 });
    expect(
      (await listPartners(db, { channel: 'shop' })).find(
        (p) => p.links[0]?.externalId === String(unaddressed),
      )?.lastName,
    ).toBe('Confirmed');
  });

  it('warns when another partner already has the e-mail address', async () => {
    const db = getDb();
    await addMagentoChannel(db, sim, 'shop', { type: 'b2c' });
    await addMagentoChannel(db, other, 'outlet', { type: 'b2c' });
    await runImport({ db, adapters }, importRequest('shop', { confirmAllWarnings: true }));
    const taken = sim.store.get(10)?.email as string;
    other.store.change(1, (customer) => {
      customer.email = taken.toUpperCase();
    });
    const run = await runImport({ db, adapters }, importRequest('outlet'));
    const owner = (await listPartners(db, { channel: 'shop' })).find((p) => p.email === taken);
    const line = (await getRunLog(db, run.id)).find((l) => l.externalId === '1');
    expect(line).toMatchObject({
      level: 'awaiting',
      code: 'DUPLICATE_EMAIL',
      message: `Partner ${owner?.number} already has the e-mail address ${taken.toUpperCase()}.`,
    });
    const again = await runImport({ db, adapters }, importRequest('outlet', { confirmAllWarnings: true }));
    expect(again.counts.created).toBe(1);
    const sameEmail = (await listPartners(db)).filter((p) => p.email?.toLowerCase() === taken.toLowerCase());
    expect(sameEmail).toHaveLength(2);
  });
});
