/**
 * A customer whose change time lies in the future (a shop's broken clock, a typed-in 2099) is imported and
 * logged FUTURE_CHANGE_TIME, and the Last transfer watermark stops at the start of the read, so the next
 * Last transfer still picks up what changed after it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { findChannelByName } from '../src/storage/channel-store.ts';
import { getRunLog } from '../src/storage/import-run-store.ts';
import { addMagentoChannel, lastTransfer, testAdapters } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('Import customers: a change time in the future', (getDb) => {
  let shopTime: Date | null = null;
  let sim: Awaited<ReturnType<typeof startMagentoSimulator>>;
  beforeAll(async () => {
    sim = await startMagentoSimulator({
      customers: 30,
      seed: 3,
      brokenShare: 0,
      clock: () => shopTime ?? new Date(),
    });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('imports the record, logs it, and never moves the watermark past the present', async () => {
    const db = getDb();
    const deps = { db, adapters: testAdapters };
    await addMagentoChannel(db, sim, 'shop', { type: 'b2c', url: sim.url, settings: { token: sim.token } });
    const [future, later] = sim.store.list();
    shopTime = new Date('2099-01-01T00:00:00Z');
    sim.store.change(future!.id!, (c) => {
      c.lastname = `${c.lastname}-Zukunft`;
    });
    shopTime = null;

    const startedAt = Date.now();
    const first = await runImport(deps, lastTransfer('shop'));
    expect(first.state).toBe('finished');
    expect(first.counts).toMatchObject({ created: 30, errors: 0 });
    const watermark = (await findChannelByName(db, 'shop'))!.watermark!;
    expect(Date.parse(watermark)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(watermark)).toBeGreaterThanOrEqual(startedAt - 1000);
    const log = await getRunLog(db, first.id);
    expect(log.filter((line) => line.code === 'FUTURE_CHANGE_TIME').map((line) => line.externalId)).toEqual([
      String(future!.id),
    ]);

    // A customer changed after that run is read by the next Last transfer.
    sim.store.change(later!.id!, (c) => {
      c.firstname = 'Zofia';
    });
    const second = await runImport(deps, lastTransfer('shop'));
    expect(second.counts).toMatchObject({ updated: 1, errors: 0 });
  });
});
