/**
 * One run, one lease: an import run inside a batch job lives under the batch run's lease (linked when it
 * opens), so a run whose server died at any point, even in its first second, stops holding its channel as
 * soon as that lease expired; a job that finds its channel busy waits instead of failing. Outside a job a run
 * keeps a lease of its own.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppServer } from '../src/batch/app-server.ts';
import { IMPORT_CUSTOMERS } from '../src/batch/applications/import-customers-app.ts';
import { JobService } from '../src/batch/job-service.ts';
import { addQueue } from '../src/batch/queue-service.ts';
import { runImport } from '../src/import/import-service.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { findChannelByName } from '../src/storage/channel-store.ts';
import type { Db } from '../src/storage/db.ts';
import { getRun, startRun } from '../src/storage/import-run-store.ts';
import { oltpSearchPath } from '../src/storage/oltp-schema.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { openPostgresDb } from '../src/storage/postgres-db.ts';
import { batch, eventually, FAST_TIMING, jobInState, testApplications } from './support/batch-fixtures.ts';
import { addMagentoChannel, importRequest, testAdapters } from './support/import-fixtures.ts';
import { databaseBackends, describeEachDb, TEST_PG_URL } from './support/test-databases.ts';
import { createTestDatabase, postgresTemplate, type TestDatabase } from './support/test-postgres-template.ts';
import { startWorker, type WorkerProcess } from './support/worker-processes.ts';

/** The id of the channel's running import run, once there is one. */
async function runningImportRun(db: Db, channel: string): Promise<number> {
  return await eventually(
    async () => {
      const result = await db.query<{ id: string }>(
        `select r.id from import_run r join sales_channel c on c.id = r.channel_id
         where c.name = $1 and r.state = 'running'`,
        [channel],
      );
      return result.rows[0] ? Number(result.rows[0].id) : undefined;
    },
    10_000,
    'a running import run',
  );
}

describeEachDb('One run, one lease', (getDb) => {
  let sim: MagentoSimulator;
  const servers: AppServer[] = [];
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 95, seed: 21, brokenShare: 0, latencyMs: 250 });
  });
  afterAll(async () => {
    await sim?.close();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  const file = (overrides: Record<string, unknown>) =>
    new JobService(getDb(), testApplications).file({
      application: IMPORT_CUSTOMERS,
      settings: { channel: 'shop', changedSince: 'last-transfer', confirmAllWarnings: true },
      batch: batch(overrides),
    });

  it('a run whose server stopped in its first second frees its channel once the batch lease expired; the next job waits, then imports', async () => {
    const db = getDb();
    await addMagentoChannel(db, sim, 'shop', { settings: { token: sim.token, pageSize: '10' } });
    await addQueue(db, 'other');
    // A stops heart-beating at once (as if killed right after its claim): its lease (1 s) runs out while the
    // first pages are read. B is a live server.
    const dying = { ...FAST_TIMING, heartbeatMs: 600_000 };
    servers.push(
      await AppServer.start({ db, name: 'A', applications: testApplications, timing: dying, listen: false }),
    );
    servers.push(
      await AppServer.start({ db, name: 'B', applications: testApplications, timing: FAST_TIMING }),
    );
    const first = await file({ appServer: 'A' });
    const firstImport = await runningImportRun(db, 'shop');
    const started = Date.now();
    const next = await file({ appServer: 'B', queue: 'other' });

    const done = await jobInState(db, next.id, ['finished', 'failed'], 30_000);
    expect(done.state).toBe('finished');
    // Its import began about when A's lease (1 s) ran out, not after minutes.
    const nextRun = (await new JobService(db, testApplications).show(String(next.id))).runs[0]!;
    const nextImport = (await getRun(db, nextRun.importRunId!))!;
    expect(Date.parse(nextImport.startedAt) - started).toBeLessThan(6_000);
    const runs = await new JobService(db, testApplications).show(String(first.id));
    expect(runs.state).toBe('abandoned');
    expect(runs.runs[0]).toMatchObject({
      state: 'abandoned',
      reason: 'server-died',
      importRunId: firstImport,
    });
    expect((await getRun(db, firstImport))?.error?.code).toBe('RUN_ABANDONED');
    expect(await listPartners(db, { channel: 'shop' })).toHaveLength(95);
    expect((await findChannelByName(db, 'shop'))!.watermark).not.toBeNull();
  });

  it('a job whose channel is busy with a live import waits for it, then starts from the watermark it left', async () => {
    const db = getDb();
    await addMagentoChannel(db, sim, 'shop', { settings: { token: sim.token, pageSize: '20' } });
    await addQueue(db, 'other');
    servers.push(
      await AppServer.start({ db, name: 'A', applications: testApplications, timing: FAST_TIMING }),
    );
    servers.push(
      await AppServer.start({ db, name: 'B', applications: testApplications, timing: FAST_TIMING }),
    );
    const jobs = new JobService(db, testApplications);
    const first = await file({ appServer: 'A' });
    await runningImportRun(db, 'shop');
    const next = await file({ appServer: 'B', queue: 'other' });
    expect((await jobInState(db, first.id, ['finished', 'failed'], 30_000)).state).toBe('finished');
    expect((await jobInState(db, next.id, ['finished', 'failed'], 30_000)).state).toBe('finished');
    const [firstRun, nextRun] = await Promise.all(
      [first, next].map(async (job) => (await jobs.show(String(job.id))).runs[0]!),
    );
    const firstImport = (await getRun(db, firstRun!.importRunId!))!;
    const nextImport = (await getRun(db, nextRun!.importRunId!))!;
    expect(firstImport.counts.created).toBe(95);
    expect(nextImport.watermarkBefore).toBe(firstImport.watermarkAfter);
    expect(nextImport.counts.created).toBe(0);
  });

  it('outside a job: a run is refused while another holds its own lease, and goes on once that lease expired', async () => {
    const db = getDb();
    await addMagentoChannel(db, sim, 'shop', { settings: { token: sim.token, pageSize: '50' } });
    const channel = (await findChannelByName(db, 'shop'))!;
    const request = importRequest('shop', { changedSince: 'last-transfer', confirmAllWarnings: true });
    // A process opened a run with a lease of 1 s and died before it renewed it.
    const opened = await db.transaction((tx) =>
      startRun(
        tx,
        {
          channelId: channel.id,
          changedSince: 'last-transfer',
          since: null,
          emails: null,
          options: {},
          watermarkBefore: null,
        },
        { ownLeaseSeconds: 1 },
      ),
    );
    if (opened.state !== 'opened') throw new Error(`run not opened: ${opened.state}`);
    await expect(runImport({ db, adapters: testAdapters }, request)).rejects.toMatchObject({
      code: 'IMPORT_RUNNING',
    });
    await sleep(1_100);
    const second = await runImport({ db, adapters: testAdapters }, request);
    expect(second.state).toBe('finished');
    expect((await getRun(db, opened.runId))?.error?.code).toBe('RUN_ABANDONED');
    expect(await listPartners(db, { channel: 'shop' })).toHaveLength(95);
  });
});

const postgres = databaseBackends().find((backend) => backend.name === 'postgres')!;

describe.skipIf(!postgres.available)(
  'One run, one lease: a worker killed in the first second (postgres)',
  () => {
    let sim: MagentoSimulator;
    let database: TestDatabase;
    let db: Db;
    let worker: WorkerProcess | null = null;
    let server: AppServer | null = null;
    beforeAll(async () => {
      sim = await startMagentoSimulator({ customers: 60, seed: 4, brokenShare: 0, latencyMs: 100 });
    });
    afterAll(async () => {
      await sim?.close();
    });
    beforeEach(async () => {
      database = await createTestDatabase(TEST_PG_URL, await postgresTemplate(TEST_PG_URL));
      db = (await openPostgresDb(database.url, { max: 4, allowExitOnIdle: true })).withSearchPath(
        oltpSearchPath('default'),
      ); // the OLTP database the CLI works on
    });
    afterEach(async () => {
      await worker?.stop();
      await server?.stop();
      await db.close();
      await database.drop();
    });

    it('SIGKILL right after the import run opened: the next job of the queue imports once the batch lease expired', async () => {
      await addMagentoChannel(db, sim, 'shop', { settings: { token: sim.token, pageSize: '10' } });
      const jobs = new JobService(db, testApplications);
      const file = (appServer: string) =>
        jobs.file({
          application: IMPORT_CUSTOMERS,
          settings: { channel: 'shop', changedSince: 'last-transfer', confirmAllWarnings: true },
          batch: batch({ appServer }),
        });
      // Heart-beats once a second: killed within a few milliseconds of opening its import run, before it.
      worker = await startWorker(database.url, 'A', {
        timing: ['--poll-ms', '200', '--heartbeat-ms', '1000', '--lease-seconds', '2'],
      });
      const first = await file('A');
      const firstImport = await runningImportRun(db, 'shop');
      await worker.kill();
      const killedAt = Date.now();
      server = await AppServer.start({ db, name: 'B', applications: testApplications, timing: FAST_TIMING });
      const next = await file('B');

      expect((await jobInState(db, next.id, ['finished', 'failed'], 30_000)).state).toBe('finished');
      const nextRun = (await jobs.show(String(next.id))).runs[0]!;
      expect(Date.parse((await getRun(db, nextRun.importRunId!))!.startedAt) - killedAt).toBeLessThan(8_000);
      expect((await jobs.show(String(first.id))).runs[0]).toMatchObject({
        state: 'abandoned',
        importRunId: firstImport,
      });
      expect((await getRun(db, firstImport))?.error?.code).toBe('RUN_ABANDONED');
      expect(await listPartners(db, { channel: 'shop' })).toHaveLength(60);
    });
  },
);
