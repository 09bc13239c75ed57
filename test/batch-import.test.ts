/** Import customers as a batch job: filed with its settings, run by an application server, stopped at its maximum run time. */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { AppServer } from '../src/batch/app-server.ts';
import { IMPORT_CUSTOMERS } from '../src/batch/applications/import-customers-app.ts';
import { JobService } from '../src/batch/job-service.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { findChannelByName } from '../src/storage/channel-store.ts';
import { getRun } from '../src/storage/import-run-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { batch, FAST_TIMING, jobInState, testApplications } from './support/batch-fixtures.ts';
import { addMagentoChannel } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('Import customers as a batch job', (getDb) => {
  let sim: MagentoSimulator;
  let server: AppServer | null = null;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 95, seed: 21, brokenShare: 0, latencyMs: 250 });
  });
  afterAll(async () => {
    await sim?.close();
  });
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  const file = (settings: Record<string, unknown>, overrides = {}) =>
    new JobService(getDb(), testApplications).file({
      application: IMPORT_CUSTOMERS,
      settings: { channel: 'shop', changedSince: 'last-transfer', confirmAllWarnings: true, ...settings },
      batch: batch(overrides),
    });

  it('refuses bad settings when the job is filed, writing nothing', async () => {
    const db = getDb();
    await addMagentoChannel(db, sim, 'shop');
    await expect(file({ channel: 'nope' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'channel',
    });
    await expect(file({}, { queue: 'nope' })).rejects.toThrow('Processing queue "nope" does not exist.');
    await expect(file({}, { startMode: 'series' })).rejects.toThrow(
      'Start "Scheduled: as a series" (series) needs a Serial pattern.',
    );
    await expect(file({}, { startMode: 'once' })).rejects.toThrow(
      'Start "Scheduled: once only" (once) needs Begin.',
    );
    await expect(file({ changedSince: 'manual', timestamp: '2999-01-01T00:00:00Z' })).rejects.toThrow(
      'The timestamp lies in the future.',
    );
    const count = await db.query<{ n: string }>('select count(*) as n from batch_job');
    expect(count.rows[0]!.n).toBe('0');
  });

  it('stops at the maximum run time between pages: committed pages stay, the watermark is consistent', async () => {
    const db = getDb();
    await addMagentoChannel(db, sim, 'shop', { settings: { token: sim.token, pageSize: '10' } });
    const job = await file({}, { maxRunSeconds: 1, timeoutNotification: true });
    server = await AppServer.start({ db, name: 'A', applications: testApplications, timing: FAST_TIMING });
    await jobInState(db, job.id, ['failed'], 15_000);
    const run = (await new JobService(db, testApplications).show(String(job.id))).runs[0]!;
    expect(run).toMatchObject({ state: 'failed', reason: 'timeout', error: { code: 'TIMEOUT' } });
    const importRun = (await getRun(db, run.importRunId!))!;
    expect(importRun).toMatchObject({ state: 'failed', error: { code: 'ABORTED' } });
    const created = importRun.counts.created;
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThan(95);
    expect(created % 10).toBe(0); // whole pages
    expect(await listPartners(db, { channel: 'shop' })).toHaveLength(created);
    expect((await findChannelByName(db, 'shop'))!.watermark).toBe(importRun.watermarkAfter);
    expect(run.counts).toMatchObject({ created });

    const rest = await file({});
    await jobInState(db, rest.id, ['finished'], 15_000);
    expect(await listPartners(db, { channel: 'shop' })).toHaveLength(95);
  });
});
