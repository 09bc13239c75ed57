/** The dispatcher with one application server in this process, on PGlite and on PostgreSQL. */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import { AppServer } from '../src/batch/app-server.ts';
import { JobService } from '../src/batch/job-service.ts';
import { addQueue } from '../src/batch/queue-service.ts';
import { formatInstant } from '../src/domain/instant-text.ts';
import { listServers } from '../src/storage/app-server-store.ts';
import type { Db } from '../src/storage/db.ts';
import {
  eventually,
  FAST_TIMING,
  fileSleep,
  jobInState,
  testApplications,
} from './support/batch-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('Batch jobs on one application server', (getDb) => {
  const servers: AppServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  async function start(name = 'A', db: Db = getDb(), timing = FAST_TIMING) {
    const server = await AppServer.start({ db, name, applications: testApplications, timing });
    servers.push(server);
    return server;
  }
  const jobs = () => new JobService(getDb(), testApplications);

  it('runs the jobs of one queue one at a time in order, and other queues in parallel', async () => {
    const db = getDb();
    await addQueue(db, 'q2');
    const first = await fileSleep(db, { steps: 3, stepMs: 40 });
    const second = await fileSleep(db, { steps: 1 });
    const third = await fileSleep(db, { steps: 1 });
    const other = await fileSleep(db, { steps: 3, stepMs: 40 }, { queue: 'q2' });
    await start();
    for (const job of [first, second, third, other]) await jobInState(db, job.id, ['finished']);
    const [a, b, c, d] = (await jobs().list()).map((job) => job.runs[0]!);
    expect(Date.parse(a!.finishedAt!)).toBeLessThanOrEqual(Date.parse(b!.startedAt));
    expect(Date.parse(b!.finishedAt!)).toBeLessThanOrEqual(Date.parse(c!.startedAt));
    expect(Date.parse(d!.startedAt)).toBeLessThan(Date.parse(a!.finishedAt!)); // q2 ran alongside
    expect(a!.counts).toEqual({ steps: 3, errors: 0 });
  });

  it('never starts an unreleased job until it is released', async () => {
    const db = getDb();
    const job = await fileSleep(db, {}, { releaseImmediately: false });
    expect(job.state).toBe('planned');
    await start();
    await sleep(300);
    expect((await jobs().show(String(job.id))).state).toBe('planned');
    await jobs().release(job.name);
    await jobInState(db, job.id, ['finished']);
  });

  it('runs a job bound to an application server only there', async () => {
    const db = getDb();
    const bound = await fileSleep(db, {}, { appServer: 'B' });
    const after = await fileSleep(db, {});
    await start('A');
    await sleep(300);
    // A neither runs B's job nor jumps the queue past it.
    expect((await jobs().show(String(bound.id))).state).toBe('ready');
    expect((await jobs().show(String(after.id))).state).toBe('ready');
    await start('B', db);
    await jobInState(db, bound.id, ['finished']);
    await jobInState(db, after.id, ['finished']);
    expect((await jobs().show(String(bound.id))).runs[0]!.appServer).toBe('B');
  });

  it('runs At restart jobs when their server (or any) next starts', async () => {
    const db = getDb();
    const anyServer = await fileSleep(db, {}, { startMode: 'at-restart' });
    const forB = await fileSleep(db, {}, { startMode: 'at-restart', appServer: 'B' });
    expect(anyServer.state).toBe('released');
    const a = await start('A');
    await jobInState(db, anyServer.id, ['finished']);
    await a.stop();
    expect((await jobs().show(String(forB.id))).state).toBe('released');
    expect((await listServers(db, 'A'))[0]?.status).toBe('stopped');
    await start('B');
    await jobInState(db, forB.id, ['finished']);
  });

  it('starts one run of an external job per trigger', async () => {
    const db = getDb();
    const job = await fileSleep(db, {}, { startMode: 'external', name: 'nightly' });
    await expect(jobs().trigger('nightly')).rejects.toMatchObject({ code: 'JOB_NOT_TRIGGERABLE' });
    await jobs().release('nightly');
    await start();
    await sleep(300);
    expect((await jobs().show('nightly')).runs).toHaveLength(0);
    expect((await jobs().trigger('nightly')).outcome).toBe('ready');
    await eventually(async () => (await jobs().show('nightly')).runs[0]?.state === 'finished');
    await jobInState(db, job.id, ['released']);
    await jobs().trigger('nightly');
    await eventually(async () => (await jobs().show('nightly')).runs[1]?.state === 'finished');
    await sleep(200);
    expect((await jobs().show('nightly')).runs).toHaveLength(2);
  });

  it('starts a once-only job at Begin, and marks it missed when no server ran in its start window', async () => {
    const db = getDb();
    const begin = new Date(Date.now() + 700);
    const job = await fileSleep(db, {}, { startMode: 'once', begin, maxRunSeconds: 60 });
    const late = await fileSleep(
      db,
      {},
      { startMode: 'once', begin: new Date(Date.now() + 100), notification: 'dialog-errors' },
    );
    await jobs().release(String(job.id));
    await jobs().release(String(late.id));
    await sleep(100 + FAST_TIMING.startWindowSeconds * 1000 + 200);
    await start();
    await jobInState(db, late.id, ['missed']);
    const done = await jobInState(db, job.id, ['finished']);
    const run = (await jobs().show(String(done.id))).runs[0]!;
    expect(Date.parse(run.startedAt)).toBeGreaterThanOrEqual(begin.getTime());
  });

  it('refuses to release a once-only job whose Begin has long passed, instead of making it missed', async () => {
    const db = getDb();
    const begin = new Date(Date.now() + 60_000);
    const job = await fileSleep(db, {}, { startMode: 'once', begin });
    const later = new JobService(db, testApplications, () => new Date(begin.getTime() + 2 * 3_600_000));
    // Begin as the job's time zone shows it (src/domain/instant-text.ts), not as an ISO instant.
    await expect(later.release(String(job.id))).rejects.toThrow(
      `Begin ${formatInstant(begin, { timeZone: job.timeZone })}, which has passed`,
    );
    expect((await jobs().show(String(job.id))).state).toBe('planned');
  });

  it('starts a scheduled job when it is due, not at the next poll', async () => {
    const db = getDb();
    const begin = new Date(Date.now() + 800);
    const job = await fileSleep(db, {}, { startMode: 'once', begin });
    await jobs().release(String(job.id));
    await start('A', db, { ...FAST_TIMING, pollMs: 60_000 });
    const done = await jobInState(db, job.id, ['finished'], 5_000);
    const run = (await jobs().show(String(done.id))).runs[0]!;
    expect(Date.parse(run.startedAt) - begin.getTime()).toBeLessThan(1_000);
  });

  it('runs a series on its pattern from Begin until End', async () => {
    const db = getDb();
    const end = new Date(Date.now() + 3_200);
    const job = await fileSleep(db, {}, { startMode: 'series', pattern: '* * * * * *', end });
    await jobs().release(String(job.id));
    await start();
    await jobInState(db, job.id, ['finished'], 8_000);
    const runs = (await jobs().show(String(job.id))).runs;
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(4);
    for (const run of runs) {
      expect(run.state).toBe('finished');
      expect(Date.parse(run.dueAt!) % 1000).toBe(0); // on the pattern's slots
      expect(Date.parse(run.startedAt)).toBeLessThanOrEqual(end.getTime() + 500);
    }
  });

  it('stops a run over its maximum run time and notifies the user when asked to', async () => {
    const db = getDb();
    const job = await fileSleep(
      db,
      { steps: 200, stepMs: 20 },
      { maxRunSeconds: 1, timeoutNotification: true },
    );
    await start();
    const done = await jobInState(db, job.id, ['failed']);
    const run = (await jobs().show(String(done.id))).runs[0]!;
    expect(run).toMatchObject({ state: 'failed', reason: 'timeout', error: { code: 'TIMEOUT' } });
    expect(run.counts!.steps).toBeGreaterThan(10);
    expect(run.counts!.steps).toBeLessThan(200);
    const notices = await db.query<{ topic: string; channel: string; user_name: string }>(
      'select topic, channel, user_name from notification where job_id = $1',
      [job.id],
    );
    expect(notices.rows).toEqual([{ topic: 'timeout', channel: 'dialog', user_name: 'tester' }]);
  });

  it('cancels a job before it runs, and asks an active run to stop', async () => {
    const db = getDb();
    const long = await fileSleep(db, { steps: 500, stepMs: 20 });
    const waiting = await fileSleep(db, {});
    expect((await jobs().cancel(String(waiting.id))).outcome).toBe('canceled');
    await start();
    await jobInState(db, long.id, ['active']);
    expect((await jobs().cancel(String(long.id))).outcome).toBe('cancel-requested');
    await jobInState(db, long.id, ['canceled'], 3_000);
    expect((await jobs().show(String(long.id))).runs[0]).toMatchObject({
      state: 'canceled',
      reason: 'canceled',
    });
    await expect(jobs().cancel(String(long.id))).rejects.toMatchObject({ code: 'JOB_NOT_CANCELABLE' });
    expect((await jobs().show(String(waiting.id))).runs).toEqual([]);
  });

  it('delivers exactly what each Notification setting promises, on success and on errors', async () => {
    const db = getDb();
    const settings = ['none', 'dialog', 'dialog-errors', 'workflow', 'workflow-errors'] as const;
    const filed: Array<{ id: number; setting: string; errors: boolean }> = [];
    for (const [i, setting] of settings.entries()) {
      for (const errors of [false, true]) {
        await addQueue(db, `n${i}${errors ? 'e' : 's'}`);
        const job = await fileSleep(db, errors ? { errors: 2 } : {}, {
          notification: setting,
          queue: `n${i}${errors ? 'e' : 's'}`,
        });
        filed.push({ id: job.id, setting, errors });
      }
    }
    const failing = await fileSleep(db, { fail: true }, { notification: 'workflow-errors' });
    await start();
    for (const job of filed) await jobInState(db, job.id, ['finished'], 15_000);
    await jobInState(db, failing.id, ['failed']);
    const rows = (
      await db.query<{ job_id: string; channel: string; has_errors: boolean }>(
        `select job_id::text, channel, has_errors from notification where topic = 'run-ended' order by notification.job_id`,
      )
    ).rows;
    const expected = filed.flatMap(({ id, setting, errors }) => {
      if (setting === 'none' || (setting.endsWith('-errors') && !errors)) return [];
      return [{ job_id: String(id), channel: setting.split('-')[0], has_errors: errors }];
    });
    expected.push({ job_id: String(failing.id), channel: 'workflow', has_errors: true });
    expect(rows).toEqual(expected);
  });

  it('ends a series whose run needs the user, and tells the user the series was canceled', async () => {
    const db = getDb();
    const broken = await fileSleep(
      db,
      { fail: true, needsUser: true },
      {
        startMode: 'series',
        pattern: '* * * * * *',
        seriesCanceledNotification: true,
      },
    );
    const canceled = await fileSleep(
      db,
      {},
      {
        startMode: 'series',
        pattern: '0 0 1 1 *',
        seriesCanceledNotification: true,
        notification: 'workflow',
      },
    );
    await jobs().release(String(broken.id));
    await jobs().release(String(canceled.id));
    await start();
    await jobInState(db, broken.id, ['failed'], 5_000);
    await jobs().cancel(String(canceled.id));
    const rows = (
      await db.query<{ job_id: string; channel: string }>(
        `select job_id::text, channel from notification where topic = 'series-canceled' order by notification.job_id`,
      )
    ).rows;
    expect(rows).toEqual([
      { job_id: String(broken.id), channel: 'dialog' },
      { job_id: String(canceled.id), channel: 'workflow' },
    ]);
  });
});
