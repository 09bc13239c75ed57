/**
 * Several application servers as separate `kontor worker` processes on one PostgreSQL database. PostgreSQL
 * only (a PGlite folder belongs to one process); skipped, and saying so, without a server.
 */

import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobWithRuns } from '../src/batch/job-service.ts';
import { JobService } from '../src/batch/job-service.ts';
import { addQueue } from '../src/batch/queue-service.ts';
import { main } from '../src/cli/main.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { listServers } from '../src/storage/app-server-store.ts';
import type { Db } from '../src/storage/db.ts';
import { oltpSearchPath } from '../src/storage/oltp-schema.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { openPostgresDb } from '../src/storage/postgres-db.ts';
import { eventually, fileSleep, jobInState, testApplications } from './support/batch-fixtures.ts';
import { addMagentoChannel } from './support/import-fixtures.ts';
import { databaseBackends, TEST_PG_URL } from './support/test-databases.ts';
import { createTestDatabase, postgresTemplate, type TestDatabase } from './support/test-postgres-template.ts';
import { startWorker, type WorkerProcess } from './support/worker-processes.ts';

const postgres = databaseBackends().find((backend) => backend.name === 'postgres')!;
const title = postgres.available ? 'postgres' : `postgres (skipped: ${postgres.skipReason})`;

/** Runs of one queue: each starts after the one before finished, in job order. */
function expectSequential(jobs: JobWithRuns[]): void {
  const runs = jobs.map((job) => {
    expect(job.runs, `job ${job.id} runs`).toHaveLength(1);
    return job.runs[0]!;
  });
  for (let i = 1; i < runs.length; i++) {
    expect(Date.parse(runs[i]!.startedAt)).toBeGreaterThanOrEqual(Date.parse(runs[i - 1]!.finishedAt!));
  }
}

describe.skipIf(!postgres.available)(`Batch jobs on several application server processes: ${title}`, () => {
  let database: TestDatabase;
  let db: Db;
  const workers: WorkerProcess[] = [];
  const jobs = () => new JobService(db, testApplications);
  const start = async (name: string, options?: Parameters<typeof startWorker>[2]) => {
    const worker = await startWorker(database.url, name, options);
    workers.push(worker);
    return worker;
  };

  beforeEach(async () => {
    database = await createTestDatabase(TEST_PG_URL, await postgresTemplate(TEST_PG_URL));
    db = (await openPostgresDb(database.url, { max: 4, allowExitOnIdle: true })).withSearchPath(
      oltpSearchPath('default'),
    ); // the OLTP database the CLI works on
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    await db.close();
    await database.drop();
  });

  it('runs each queue one job at a time in order, queues in parallel, every job once, bound jobs on their server', async () => {
    for (const queue of ['q1', 'q2', 'q3', 'q4']) await addQueue(db, queue);
    // All three servers are up before the first job is filed (a slow start must not leave one idle).
    await Promise.all([start('A'), start('B'), start('C')]);
    const filed: Array<{ id: number; queue: string }> = [];
    for (let i = 0; i < 24; i++) {
      const queue = `q${(i % 4) + 1}`;
      const job = await fileSleep(
        db,
        { steps: 2, stepMs: 25 },
        { queue, appServer: i % 8 === 3 ? 'B' : null },
      );
      filed.push({ id: job.id, queue });
    }
    for (const { id } of filed) await jobInState(db, id, ['finished'], 30_000);
    const all = await jobs().list();
    for (const queue of ['q1', 'q2', 'q3', 'q4']) expectSequential(all.filter((job) => job.queue === queue));
    for (const job of all.filter((j) => j.appServer === 'B')) expect(job.runs[0]!.appServer).toBe('B');
    expect(new Set(all.map((job) => job.runs[0]!.appServer))).toEqual(new Set(['A', 'B', 'C']));
    // Parallel: some run of q2 started before the run of q1 at the same position finished.
    const q1 = all.filter((job) => job.queue === 'q1').map((job) => job.runs[0]!);
    const others = all.filter((job) => job.queue !== 'q1').map((job) => job.runs[0]!);
    const overlaps = q1.some((a) =>
      others.some(
        (b) =>
          Date.parse(b.startedAt) < Date.parse(a.finishedAt!) &&
          Date.parse(a.startedAt) < Date.parse(b.finishedAt!),
      ),
    );
    expect(overlaps).toBe(true);
    const runCount = await db.query<{ n: string }>('select count(*) as n from batch_run');
    expect(Number(runCount.rows[0]!.n)).toBe(24);
  });

  it('marks the run of a killed worker abandoned, and its queue goes on on another server', async () => {
    const long = await fileSleep(
      db,
      { steps: 400, stepMs: 25 },
      { appServer: 'A', notification: 'dialog-errors' },
    );
    const next = await fileSleep(db, {});
    const a = await start('A');
    await jobInState(db, long.id, ['active']);
    await start('B');
    await a.kill();
    const abandoned = await jobInState(db, long.id, ['abandoned'], 10_000);
    expect((await jobs().show(String(abandoned.id))).runs[0]).toMatchObject({
      state: 'abandoned',
      appServer: 'A',
      reason: 'server-died',
    });
    const done = await jobInState(db, next.id, ['finished'], 10_000);
    expect((await jobs().show(String(done.id))).runs[0]!.appServer).toBe('B');
    expect((await listServers(db, 'A'))[0]?.status).toBe('dead');
    const notices = await db.query<{ topic: string }>('select topic from notification where job_id = $1', [
      long.id,
    ]);
    expect(notices.rows).toEqual([{ topic: 'run-ended' }]);
  });

  it('refuses a second server of a running name, and replaces one whose process died on this host at once', async () => {
    // A lease of a minute: without the takeover the name would stay taken that long after the kill.
    const timing = ['--poll-ms', '200', '--heartbeat-ms', '100', '--lease-seconds', '60'];
    const first = await start('A', { timing });
    await expect(startWorker(database.url, 'A', { timing })).rejects.toThrow(/is already running/);
    await first.kill();
    const second = await start('A', { timing });
    expect((await listServers(db, 'A'))[0]).toMatchObject({ status: 'running', pid: second.child.pid });
    expect(second.child.pid).not.toBe(first.child.pid);
  });

  it('starts unreleased jobs only when released, At restart jobs at the next start, external jobs per trigger', async () => {
    const kontor = (...args: string[]) =>
      promisify(execFile)('node', ['bin/kontor.js', '--db', database.url, ...args]);
    let a = await start('A');
    const planned = await fileSleep(db, {}, { releaseImmediately: false, name: 'held' });
    // Filed while A runs: it waits for A's next start.
    const atRestart = await fileSleep(db, {}, { startMode: 'at-restart', appServer: 'A' });
    const external = await fileSleep(db, {}, { startMode: 'external', name: 'from-cron' });
    await sleep(500);
    expect((await jobs().show('held')).state).toBe('planned');
    expect((await jobs().show(String(atRestart.id))).state).toBe('released');

    await kontor('jobs', 'release', 'held');
    await jobInState(db, planned.id, ['finished']);
    await kontor('jobs', 'release', 'from-cron');
    const triggered = await kontor('jobs', 'trigger', 'from-cron');
    expect(triggered.stdout).toContain('triggered');
    await eventually(async () => (await jobs().show('from-cron')).runs[0]?.state === 'finished');
    expect((await jobs().show('from-cron')).state).toBe('released');

    await a.stop();
    workers.splice(workers.indexOf(a), 1);
    a = await start('A');
    await jobInState(db, atRestart.id, ['finished']);
    expect((await jobs().show(String(external.id))).runs).toHaveLength(1);
  });

  it('runs once-only jobs at Begin, a series on its slots until End, and stops runs at their maximum run time', async () => {
    await addQueue(db, 'series');
    await addQueue(db, 'slow');
    // The servers are up first: Begin and End count from here, not from before a (possibly slow) start.
    await Promise.all([start('A'), start('B')]);
    const begin = new Date(Date.now() + 1_500);
    const once = await fileSleep(db, {}, { startMode: 'once', begin });
    const end = new Date(Date.now() + 4_000);
    const series = await fileSleep(
      db,
      {},
      { startMode: 'series', pattern: '* * * * * *', end, queue: 'series' },
    );
    const slow = await fileSleep(
      db,
      { steps: 400, stepMs: 25 },
      { maxRunSeconds: 1, timeoutNotification: true, notification: 'workflow', queue: 'slow' },
    );
    await jobs().release(String(once.id));
    await jobs().release(String(series.id));
    const timedOut = await jobInState(db, slow.id, ['failed'], 10_000);
    expect((await jobs().show(String(timedOut.id))).runs[0]).toMatchObject({ reason: 'timeout' });
    const notices = await db.query<{ topic: string; channel: string }>(
      'select topic, channel from notification where job_id = $1 order by id',
      [slow.id],
    );
    expect(notices.rows).toEqual([
      { topic: 'run-ended', channel: 'workflow' },
      { topic: 'timeout', channel: 'workflow' },
    ]);
    await jobInState(db, once.id, ['finished']);
    const onceRun = (await jobs().show(String(once.id))).runs[0]!;
    expect(Date.parse(onceRun.startedAt)).toBeGreaterThanOrEqual(begin.getTime());
    await jobInState(db, series.id, ['finished'], 10_000);
    const slots = (await jobs().show(String(series.id))).runs.map((run) => run.dueAt);
    expect(slots.length).toBeGreaterThanOrEqual(2);
    expect(new Set(slots).size).toBe(slots.length); // no slot ran twice
    for (const slot of slots) expect(Date.parse(slot!)).toBeLessThanOrEqual(end.getTime());
  });

  describe('the real kontor worker importing customers', () => {
    let sim: MagentoSimulator;
    beforeAll(async () => {
      sim = await startMagentoSimulator({ customers: 60, seed: 5, brokenShare: 0 });
    });
    afterAll(async () => {
      await sim?.close();
    });

    it('files an import with `kontor import-customers` and a `kontor worker` runs it', async () => {
      await addMagentoChannel(db, sim, 'shop');
      let out = '';
      const cli = (...args: string[]) =>
        main(['node', 'kontor', '--db', database.url, ...args], {
          out: (text) => {
            out += `${text}\n`;
          },
          err: () => undefined,
        });
      expect(await cli('queue', 'add', 'imports')).toBe(0);
      expect(await cli('user', 'add', userInfo().username)).toBe(0); // jobs filed from the shell belong to one
      expect(
        await cli(
          'import-customers',
          '--channel',
          'shop',
          '--changed-since',
          'anytime',
          '--confirm-all-warnings',
          '--queue',
          'imports',
          '--job-name',
          'shop-import',
          '--notification',
          'dialog',
        ),
      ).toBe(0);
      expect(out).toMatch(/Batch job \d+ "shop-import": ready/);
      await start('W', { bin: true, timing: ['--heartbeat-ms', '200', '--lease-seconds', '2'] });
      const job = await jobs().show('shop-import');
      await jobInState(db, job.id, ['finished'], 20_000);
      expect(await listPartners(db, { channel: 'shop' })).toHaveLength(60);
      out = '';
      expect(await cli('jobs', 'list', '--json')).toBe(0);
      const [listed] = JSON.parse(out) as Array<Record<string, unknown>>;
      expect(Object.keys(listed!).sort()).toEqual(
        [
          'appServer',
          'application',
          'createdAt',
          'id',
          'name',
          'queue',
          'runs',
          'startMode',
          'state',
          'user',
        ].sort(),
      );
      expect(listed).toMatchObject({
        name: 'shop-import',
        application: 'import-customers',
        state: 'finished',
        queue: 'imports',
        appServer: null,
        startMode: 'add-to-queue',
        runs: [{ state: 'finished', appServer: 'W', counts: { read: 60, created: 60, errors: 0 } }],
      });
      expect(Object.keys((listed!.runs as object[])[0]!).sort()).toEqual([
        'appServer',
        'counts',
        'finishedAt',
        'id',
        'startedAt',
        'state',
      ]);
    });
  });
});
