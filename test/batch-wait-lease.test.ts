/**
 * A job filed by `kontor import-customers --wait` is waited for by its filing process, which runs only that job.
 * Should that process die while the job waits for its turn, the job must not hold its queue: its wait lease
 * (renewed by the waiter's heartbeat) runs out and the sweep ends it abandoned (WAITER_DIED).
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JobService } from '../src/batch/job-service.ts';
import { runJobNow } from '../src/batch/run-job-now.ts';
import { main } from '../src/cli/main.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import type { Db } from '../src/storage/db.ts';
import { oltpSearchPath } from '../src/storage/oltp-schema.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { openPostgresDb } from '../src/storage/postgres-db.ts';
import {
  batch,
  eventually,
  FAST_TIMING,
  jobInState,
  SLEEP_APP,
  testApplications,
} from './support/batch-fixtures.ts';
import { addMagentoChannel } from './support/import-fixtures.ts';
import { databaseBackends, describeEachDb, TEST_PG_URL } from './support/test-databases.ts';
import { createTestDatabase, postgresTemplate, type TestDatabase } from './support/test-postgres-template.ts';

/** The waiters' servers: a wait lease of 2 s, renewed every 100 ms (a loaded machine must not lose it). */
const TIMING = { ...FAST_TIMING, leaseSeconds: 2 };

function fileWaited(db: Db, waiter: string, steps: number) {
  return new JobService(db, testApplications).file({
    application: SLEEP_APP,
    settings: { steps, stepMs: 50 },
    batch: batch(),
    waiter: { name: waiter, leaseSeconds: TIMING.leaseSeconds },
  });
}

async function expectWaiterDied(db: Db, jobId: number): Promise<void> {
  const job = await new JobService(db, testApplications).show(String(jobId));
  expect(job.state).toBe('abandoned');
  expect(job.runs).toHaveLength(1);
  expect(job.runs[0]).toMatchObject({ state: 'abandoned', hasErrors: true, error: { code: 'WAITER_DIED' } });
  expect(job.runs[0]!.error!.message).toMatch(
    /filed this job with --wait .* stopped before the job could start/,
  );
}

describeEachDb('Jobs filed with --wait', (getDb) => {
  it('a job whose waiter died while it waited is ended WAITER_DIED and the queue goes on; live waiters keep theirs', async () => {
    const db = getDb();
    const timing = TIMING;
    const first = await fileWaited(db, 'first', 60); // about 3 s, longer than the wait lease of 2 s
    const orphan = await fileWaited(db, 'dead', 1); // its process died before the job's turn came
    const third = await fileWaited(db, 'third', 1);
    const applications = testApplications;
    const runs = [
      runJobNow({ db, applications, jobId: first.id, serverName: 'first', timing }),
      runJobNow({ db, applications, jobId: third.id, serverName: 'third', timing }),
    ];
    await jobInState(db, third.id, ['finished', 'abandoned', 'failed'], 15_000);
    const [firstRun, thirdRun] = await Promise.all(runs);
    expect(firstRun?.state).toBe('finished');
    expect(thirdRun?.state).toBe('finished');
    await expectWaiterDied(db, orphan.id);
  });

  it('a waiter whose heartbeat stalled past its wait lease learns why its job was given up', async () => {
    const db = getDb();
    const blocker = await fileWaited(db, 'blocker', 60); // about 3 s
    const stalled = await fileWaited(db, 'stalled', 1);
    const blocking = runJobNow({
      db,
      applications: testApplications,
      jobId: blocker.id,
      serverName: 'blocker',
      timing: TIMING,
    });
    await jobInState(db, blocker.id, ['active']);
    // Its heartbeat comes only once a minute: the wait lease (1 s) runs out while it waits.
    const slow = { ...FAST_TIMING, leaseSeconds: 1, heartbeatMs: 60_000 };
    const run = await runJobNow({
      db,
      applications: testApplications,
      jobId: stalled.id,
      serverName: 'stalled',
      timing: slow,
    });
    expect(run).toMatchObject({ state: 'abandoned', appServer: 'stalled', error: { code: 'WAITER_DIED' } });
    expect((await blocking)?.state).toBe('finished');
  });
});

const postgres = databaseBackends().find((backend) => backend.name === 'postgres')!;
const ROOT = fileURLToPath(new URL('../', import.meta.url));

describe.skipIf(!postgres.available)('Jobs filed with --wait: the waiting process killed (postgres)', () => {
  let sim: MagentoSimulator;
  let database: TestDatabase;
  let db: Db;
  let child: ChildProcess | null = null;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 30, seed: 3, brokenShare: 0 });
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
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await db.close();
    await database.drop();
  });

  it('`import-customers --wait` killed while its job waits behind another: the job ends WAITER_DIED, the next --wait import runs', async () => {
    await addMagentoChannel(db, sim, 'shop');
    // Jobs filed from the shell belong to a Kontor user: here the OS user.
    const quiet = { out: () => undefined, err: () => undefined };
    expect(
      await main(['node', 'kontor', '--db', database.url, 'user', 'add', userInfo().username], quiet),
    ).toBe(0);
    const timing = ['--lease-seconds', '2', '--heartbeat-ms', '100', '--poll-ms', '200'];
    const importArgs = [
      'import-customers',
      '--channel',
      'shop',
      '--changed-since',
      'anytime',
      '--confirm-all-warnings',
    ];
    const blocker = await fileWaited(db, 'first', 80); // about 4 s
    const blocking = runJobNow({
      db,
      applications: testApplications,
      jobId: blocker.id,
      serverName: 'first',
      timing: TIMING,
    });
    await jobInState(db, blocker.id, ['active']);

    child = spawn(
      'node',
      [
        '--import',
        'tsx',
        'test/support/batch-worker.ts',
        '--db',
        database.url,
        ...importArgs,
        '--wait',
        ...timing,
      ],
      { cwd: ROOT, stdio: 'ignore' },
    );
    const pid = child.pid!;
    // Its job is filed and it runs as an application server of its own, waiting for its turn: kill it.
    const waited = await eventually(
      async () => {
        const result = await db.query<{ id: string }>(
          `select j.id from batch_job j join app_server s on s.name like '%-' || $1::text and s.status = 'running'
         where j.application = 'import-customers' and j.state = 'ready'`,
          [String(pid)],
        );
        return result.rows[0] ? Number(result.rows[0].id) : undefined;
      },
      20_000,
      'the --wait job filed',
    );
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    let out = '';
    const code = await main(['node', 'kontor', '--db', database.url, ...importArgs, '--wait', ...timing], {
      out: (text) => {
        out += `${text}\n`;
      },
      err: () => undefined,
    });
    expect(code, out).toBe(0);
    expect((await blocking)?.state).toBe('finished');
    await expectWaiterDied(db, waited);
    expect(await listPartners(db, { channel: 'shop' })).toHaveLength(30);
  });
});
