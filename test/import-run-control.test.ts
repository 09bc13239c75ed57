/** Stopping a run between pages, one run per channel at a time, and picking up after a stop. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { findChannelByName } from '../src/storage/channel-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { testAdapters as adapters, addMagentoChannel, importRequest } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

const request = importRequest('shop', { changedSince: 'last-transfer', confirmAllWarnings: true });

describeEachDb('Import run control', (getDb) => {
  let sim: MagentoSimulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 95, seed: 21, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function addShop() {
    await addMagentoChannel(getDb(), sim, 'shop', { settings: { token: sim.token, pageSize: '20' } });
  }

  it('stops between pages when asked, keeps the committed pages and a consistent watermark, then goes on', async () => {
    await addShop();
    const db = getDb();
    const controller = new AbortController();
    const stopped = await runImport({ db, adapters }, request, {
      signal: controller.signal,
      onProgress: (counts) => {
        if (counts.read >= 40) controller.abort(new Error('maximum run time reached'));
      },
    });
    expect(stopped.state).toBe('failed');
    expect(stopped.error).toEqual({
      code: 'ABORTED',
      message: 'The run was stopped: maximum run time reached.',
    });
    expect(stopped.counts.created).toBe(40);
    expect(await listPartners(db, { channel: 'shop' })).toHaveLength(40);

    // The watermark is the newest change time of the committed pages: everything before it was imported.
    const committed = sim.store
      .list()
      .map((c) => ({ id: c.id!, at: Date.parse(`${c.updated_at!.replace(' ', 'T')}Z`) }))
      .sort((a, b) => a.at - b.at || a.id - b.id)
      .slice(0, 40);
    expect(Date.parse(stopped.watermarkAfter!)).toBe(committed.at(-1)!.at);

    const rest = await runImport({ db, adapters }, request);
    expect(rest.state).toBe('finished');
    expect(rest.counts.created).toBe(55);
    expect(await listPartners(db, { channel: 'shop' })).toHaveLength(95);
  });

  it('stops writing when another process ended the run (abandoned): nothing more lands, no watermark', async () => {
    await addShop();
    const db = getDb();
    let runId = 0;
    const run = await runImport({ db, adapters }, request, {
      onStart: (id) => {
        runId = id;
      },
      onProgress: (counts) => {
        // Another server's sweeper gives the run up after its first page.
        if (counts.read === 20)
          void db.query(
            `update import_run set state = 'failed', error_code = 'RUN_ABANDONED' where id = $1`,
            [runId],
          );
      },
    });
    expect(run.state).toBe('failed');
    expect(run.error?.code).toBe('RUN_ABANDONED');
    expect((await listPartners(db, { channel: 'shop' })).length).toBeLessThanOrEqual(40);
    expect((await findChannelByName(db, 'shop'))?.watermark).toBeNull();
  });

  it('refuses a second import of the same channel while one runs', async () => {
    await addShop();
    const db = getDb();
    let second: Promise<unknown> | null = null;
    const first = runImport({ db, adapters }, request, {
      onProgress: () => {
        second ??= runImport({ db, adapters }, request).catch((error: unknown) => error);
      },
    });
    expect((await first).state).toBe('finished');
    expect(await second).toMatchObject({ code: 'IMPORT_RUNNING', kind: 'config' });
    expect((await findChannelByName(db, 'shop'))!.watermark).not.toBeNull();
  });
});
