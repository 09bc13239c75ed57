/**
 * Deactivate deleted customer accounts, end to end with the Magento simulator (deletions found by an id
 * scan): without the option links stay as they are; with it the links of deleted accounts get the
 * deletion date and are deactivated, and the partners are kept.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { getRunLog } from '../src/storage/import-run-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { testAdapters as adapters, addMagentoChannel, importRequest } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const NOW = new Date('2026-03-01T10:00:00Z');

describeEachDb('Deactivate deleted customer accounts', (getDb) => {
  let sim: MagentoSimulator | undefined;
  beforeEach(async () => {
    sim = await startMagentoSimulator({ customers: 30, seed: 31, brokenShare: 0 });
  });
  afterEach(async () => {
    await sim?.close();
  });

  it('deactivates the links of deleted accounts only when asked, and keeps the partners', async () => {
    const db = getDb();
    if (!sim) throw new Error('no simulator');
    await addMagentoChannel(db, sim, 'shop', { type: 'b2c' });
    const deps = { db, adapters, now: () => NOW };
    await runImport(deps, importRequest('shop', { confirmAllWarnings: true }));
    const all = sim.store.ids();
    const ids = [String(all[2]), String(all[6])];
    for (const id of ids) expect(sim.store.delete(Number(id))).toBe(true);
    const linkOf = async (id: string) =>
      (await listPartners(db, { channel: 'shop' })).find((p) => p.links[0]?.externalId === id)?.links[0];

    const without = await runImport(deps, importRequest('shop', { changedSince: 'last-transfer' }));
    expect(without.counts.deactivated).toBe(0);
    expect(await linkOf(ids[0] as string)).toMatchObject({ active: true, deletedAt: null });

    const run = await runImport(
      deps,
      importRequest('shop', { changedSince: 'last-transfer', deactivateDeleted: true }),
    );
    expect(run.state).toBe('finished');
    expect(run.counts.deactivated).toBe(2);
    for (const id of ids)
      expect(await linkOf(id)).toMatchObject({ active: false, deletedAt: NOW.toISOString() });
    expect(await listPartners(db, { channel: 'shop' })).toHaveLength(30);
    const log = (await getRunLog(db, run.id)).filter((line) => line.code === 'ACCOUNT_DELETED');
    expect(log.map((line) => line.externalId).sort()).toEqual([...ids].sort());
    expect(log[0]?.message).toMatch(
      /deleted in the channel on 2026-03-01T10:00:00\.000Z; the link to partner \d+/,
    );

    const again = await runImport(
      deps,
      importRequest('shop', { changedSince: 'last-transfer', deactivateDeleted: true }),
    );
    expect(again.counts.deactivated).toBe(0);
  });
});
