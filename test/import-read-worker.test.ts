/**
 * An import whose read goes on in a worker thread (src/import/read-hand-off.ts) imports every customer once,
 * shows the shop's total, and stops between pages as any run does: the committed pages stay, the watermark
 * is theirs, and the next run imports the rest.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultAdapters as adapters } from '../src/adapters/registry.ts';
import type { RunProgress } from '../src/domain/batch-run.ts';
import { runImport } from '../src/import/import-service.ts';
import { HAND_OFF_PAGES } from '../src/import/read-hand-off.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { addMagentoChannel, importRequest } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const CUSTOMERS = 200;
const PAGE = 5; // 40 pages: the worker reads from page HAND_OFF_PAGES + 1 on

describeEachDb('Import with its read in a worker thread', (getDb) => {
  let sim: MagentoSimulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: CUSTOMERS, seed: 23, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('imports every customer once with the total counted from the start', async () => {
    const db = getDb();
    await addMagentoChannel(db, sim, 'long', { settings: { token: sim.token, pageSize: String(PAGE) } });
    const progress: RunProgress[] = [];
    const run = await runImport({ db, adapters }, importRequest('long', { confirmAllWarnings: true }), {
      onProgress: (_counts, p) => progress.push(p),
    });
    expect(run.state).toBe('finished');
    expect(run.counts.created).toBe(CUSTOMERS);
    expect(progress.length).toBeGreaterThan(HAND_OFF_PAGES);
    expect(new Set(progress.map((p) => p.total))).toEqual(new Set([CUSTOMERS]));
    const partners = await listPartners(db, { channel: 'long' });
    expect(new Set(partners.map((p) => p.links[0]?.externalId)).size).toBe(CUSTOMERS);
  });

  it('stops between pages of the worker read, and the next run imports the rest', async () => {
    const db = getDb();
    await addMagentoChannel(db, sim, 'stopped', { settings: { token: sim.token, pageSize: String(PAGE) } });
    const request = importRequest('stopped', { changedSince: 'last-transfer', confirmAllWarnings: true });
    const controller = new AbortController();
    const stopped = await runImport({ db, adapters }, request, {
      signal: controller.signal,
      onProgress: (counts) => {
        if (counts.read >= 150) controller.abort(new Error('maximum run time reached'));
      },
    });
    expect(stopped.state).toBe('failed');
    expect(stopped.error?.code).toBe('ABORTED');
    expect(stopped.counts.created).toBe(150);
    const rest = await runImport({ db, adapters }, request);
    expect(rest.state).toBe('finished');
    expect(rest.counts.created).toBe(CUSTOMERS - 150);
    expect(await listPartners(db, { channel: 'stopped' })).toHaveLength(CUSTOMERS);
  });
});
