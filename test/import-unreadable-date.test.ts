/**
 * A customer whose change time cannot be read (Magento's zero date "0000-00-00 00:00:00") is refused with
 * INVALID_DATE and not lost: it is kept as an open record, so every later Last transfer reads it again by id
 * and logs it again, and once the shop gives it a real date it is imported (test/open-records.test.ts holds the
 * watermark side: the record no longer holds it).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { findChannelByName } from '../src/storage/channel-store.ts';
import { getRunLog } from '../src/storage/import-run-store.ts';
import { addMagentoChannel, lastTransfer, testAdapters } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('Import customers: a change time that is not a date', (getDb) => {
  let sim: Awaited<ReturnType<typeof startMagentoSimulator>>;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 30, seed: 5, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('reads the refused record again in every Last transfer until the shop fixes it', async () => {
    const db = getDb();
    const deps = { db, adapters: testAdapters };
    await addMagentoChannel(db, sim, 'zero', {
      type: 'b2c',
      url: sim.url,
      settings: { token: sim.token, pageSize: '10' },
    });
    const broken = sim.store.list()[12]!;
    sim.store.load({
      customers: [{ ...broken, updated_at: '0000-00-00 00:00:00' }],
      companies: [],
      broken: new Map(),
    });
    const invalidDates = async (runId: number) =>
      (await getRunLog(db, runId))
        .filter((line) => line.code === 'INVALID_DATE')
        .map((line) => line.externalId);

    const first = await runImport(deps, lastTransfer('zero'));
    expect(first.counts).toMatchObject({ created: 29, errors: 1 });
    expect(await invalidDates(first.id)).toEqual([String(broken.id)]);

    const second = await runImport(deps, lastTransfer('zero'));
    expect(second.counts).toMatchObject({ created: 0, errors: 1 });
    expect(await invalidDates(second.id)).toEqual([String(broken.id)]);

    // The shop saves the customer again: it gets a real change time and is imported.
    sim.store.change(broken.id!, () => {});
    const third = await runImport(deps, lastTransfer('zero'));
    expect(third.counts).toMatchObject({ created: 1, errors: 0 });
    expect((await findChannelByName(db, 'zero'))!.watermark).not.toBeNull();

    // Nothing is held back any more: the next Last transfer reads only the overlap.
    const fourth = await runImport(deps, lastTransfer('zero'));
    expect(fourth.counts).toMatchObject({ created: 0, errors: 0 });
    expect(fourth.counts.read).toBeLessThan(30);
  });
});
