/**
 * What an operator uses beside the dialog: GET /api/home (every channel's last run, trend and next scheduled
 * run), Run again (POST /api/jobs/:id/rerun), the run log with the partner of each record and its CSV export.
 * Jobs run for real (an application server of the test's own) against a Magento simulator with broken records.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runJobNow } from '../src/batch/run-job-now.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import type { Db } from '../src/storage/db.ts';
import { type Client, importBody, testApi } from './support/api-fixtures.ts';
import { FAST_TIMING, testApplications } from './support/batch-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

type Body = Record<string, unknown>;

describeEachDb('HTTP API: home, run again, run log export', (getDb) => {
  let sim: MagentoSimulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 30, seed: 5, brokenShare: 0.3 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function setUp() {
    const db = getDb();
    const api = testApi(db);
    await api.addUser('alice', 'administrator');
    await api.addUser('bob');
    const alice = await api.as('alice');
    const channel = async (name: string, token: string) => {
      const response = await alice.post('/api/channels', {
        name,
        adapter: 'magento',
        type: 'b2b-b2c',
        url: sim.url,
        settings: { token },
        customerApproval: false,
        pseudoPartnerNumber: null,
      });
      expect(response.statusCode, response.body).toBe(201);
    };
    await channel('shop', sim.token);
    await channel('locked', 'x'.repeat(32));
    await channel('quiet', sim.token);
    return { db, api, alice, bob: await api.as('bob') };
  }

  async function fileAndRun(db: Db, client: Client, application: Body = {}, batch: Body = {}) {
    const filed = await client.post('/api/import-customers', importBody(application, batch));
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id as number;
    const run = await runJobNow({
      db,
      applications: testApplications,
      jobId: id,
      serverName: 'test-server',
      timing: FAST_TIMING,
    });
    expect(run).not.toBeNull();
    return { id, run: run! };
  }

  it('shows every channel with its last run, the errors of its latest runs and its next scheduled run', async () => {
    const { db, alice } = await setUp();
    const empty = await alice.get('/api/home');
    expect(empty.statusCode).toBe(200);
    expect(empty.json().channels.map((c: Body) => [c.name, c.outcome, c.lastRun])).toEqual([
      ['locked', 'never-run', null],
      ['quiet', 'never-run', null],
      ['shop', 'never-run', null],
    ]);

    const first = await fileAndRun(db, alice, { channel: 'shop' });
    const second = await fileAndRun(db, alice, { channel: 'shop', changedSince: 'last-transfer' });
    await fileAndRun(db, alice, { channel: 'locked' });
    const begin = new Date(Date.now() + 3_600_000).toISOString();
    const once = await alice.post(
      '/api/import-customers',
      importBody({ channel: 'shop' }, { name: 'later', startMode: 'once', begin, releaseImmediately: false }),
    );
    expect(once.statusCode, once.body).toBe(201);
    expect((await alice.post(`/api/jobs/${once.json().id}/release`)).statusCode).toBe(200);

    const home = (await alice.get('/api/home')).json().channels as Body[];
    const shop = home.find((c) => c.name === 'shop') as Body & { recentRuns: Body[]; lastRun: Body };
    expect(shop.adapterLabel).toMatch(/Magento/);
    expect(shop.recentRuns).toHaveLength(2);
    expect(shop.lastRun).toEqual(shop.recentRuns[0]);
    expect(shop.lastRun).toMatchObject({ state: 'finished', jobId: second.id, batchRunId: second.run.id });
    expect(shop.recentRuns[1]).toMatchObject({ jobId: first.id, state: 'finished', read: 30 });
    // The broken e-mails are errors in the first run (all 30 read); the outcome says so.
    expect(shop.recentRuns[1]?.errors).toBeGreaterThan(0);
    expect(shop.outcome).toBe((shop.lastRun.errors as number) > 0 ? 'finished-with-errors' : 'finished');
    expect(shop.nextRun).toEqual({
      jobId: once.json().id,
      jobName: 'later',
      startMode: 'once',
      dueAt: begin,
    });

    const locked = home.find((c) => c.name === 'locked') as Body & { lastRun: Body };
    expect(locked.outcome).toBe('failed');
    expect(locked.lastRun.state).toBe('failed');
    expect(locked.lastRun.error).toMatchObject({ code: 'CHANNEL_AUTH_FAILED' });
    expect(home.find((c) => c.name === 'quiet')).toMatchObject({
      outcome: 'never-run',
      recentRuns: [],
      nextRun: null,
    });

    expect((await testApi(db).anonymous().get('/api/home')).statusCode).toBe(401);
  });

  it("runs an ended job again with the same settings; an open job, or somebody else's, is refused", async () => {
    const { db, alice, bob } = await setUp();
    const { id } = await fileAndRun(
      db,
      bob,
      { channel: 'shop', confirmAllWarnings: false },
      { name: 'nightly', maxRunSeconds: 600 },
    );
    const old = (await bob.get(`/api/jobs/${id}`)).json();
    expect(old.state).toBe('finished');

    const again = await bob.post(`/api/jobs/${id}/rerun`);
    expect(again.statusCode, again.body).toBe(201);
    const job = again.json();
    expect(job.id).not.toBe(id);
    expect(job).toMatchObject({
      name: 'nightly',
      user: 'bob',
      queue: old.queue,
      startMode: 'add-to-queue',
      state: 'ready',
      maxRunSeconds: 600,
      settings: old.settings,
      runs: [],
    });
    // The old job is as it was.
    expect((await bob.get(`/api/jobs/${id}`)).json()).toMatchObject({
      state: 'finished',
      runs: [{ id: old.runs[0].id }],
    });

    // The new job is open: it cannot be run again until it ends, and a second "nightly" cannot be filed meanwhile.
    const open = await bob.post(`/api/jobs/${job.id}/rerun`);
    expect(open.statusCode).toBe(409);
    expect(open.json().code).toBe('JOB_NOT_ENDED');
    expect((await bob.post(`/api/jobs/${id}/rerun`)).json().code).toBe('JOB_NAME_TAKEN');

    const run = await runJobNow({
      db,
      applications: testApplications,
      jobId: job.id,
      serverName: 'test-server',
      timing: FAST_TIMING,
    });
    expect(run?.state).toBe('finished');

    const { id: alices } = await fileAndRun(db, alice, { channel: 'shop' });
    const refused = await bob.post(`/api/jobs/${alices}/rerun`);
    expect(refused.statusCode).toBe(403);
    expect((await alice.post(`/api/jobs/${id}/rerun`)).statusCode).toBe(201);
    expect((await bob.post('/api/jobs/999999/rerun')).statusCode).toBe(404);
  });

  it('gives each log line the partner its record is linked to, and the log as CSV, filtered', async () => {
    const { db, alice } = await setUp();
    const { id, run } = await fileAndRun(db, alice, { channel: 'shop', confirmAllWarnings: true });
    const { log } = (await alice.get(`/api/jobs/${id}/runs/${run.id}/log`)).json() as {
      log: {
        level: string;
        externalId: string;
        code: string;
        message: string;
        partnerNumber: string | null;
      }[];
    };
    const warnings = log.filter((line) => line.level === 'warning');
    const errors = log.filter((line) => line.level === 'error');
    expect(warnings.length).toBeGreaterThan(0);
    expect(errors.length).toBeGreaterThan(0);
    // Imported with warnings: linked to the partner the cockpit shows for that external id.
    const partners = (await alice.get('/api/partners?channel=shop&limit=200')).json().items as {
      number: string;
      links: { channel: string; externalId: string }[];
    }[];
    for (const line of warnings) {
      const partner = partners.find((p) =>
        p.links.some((l) => l.channel === 'shop' && l.externalId === line.externalId),
      );
      expect(line.partnerNumber).toBe(partner?.number);
      expect(line.partnerNumber).toMatch(/\S/);
    }
    // Not imported: no partner.
    for (const line of errors) expect(line.partnerNumber).toBeNull();

    const csv = await alice.get(`/api/jobs/${id}/runs/${run.id}/log.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="job-${id}-run-${run.id}-log.csv"`);
    const rows = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toBe('level,external id,partner,code,message');
    expect(rows.at(-1)).toBe('');
    expect(rows).toHaveLength(log.length + 2);
    const firstError = errors[0]!;
    expect(rows).toContain(
      ['error', firstError.externalId, '', firstError.code, csvQuoted(firstError.message)].join(','),
    );

    const onlyErrors = await alice.get(`/api/jobs/${id}/runs/${run.id}/log.csv?level=error`);
    expect(onlyErrors.body.split('\r\n').filter((r) => r.startsWith('error,'))).toHaveLength(errors.length);
    expect(onlyErrors.body.split('\r\n')).toHaveLength(errors.length + 2);
    const byText = await alice.get(
      `/api/jobs/${id}/runs/${run.id}/log.csv?q=${encodeURIComponent(firstError.externalId)}&code=${firstError.code}`,
    );
    expect(
      byText.body
        .split('\r\n')
        .slice(1, -1)
        .every((r) => r.includes(firstError.code)),
    ).toBe(true);
    expect(byText.body.split('\r\n').length).toBeGreaterThanOrEqual(3);
    expect((await alice.get(`/api/jobs/${id}/runs/${run.id}/log.csv?level=nope`)).statusCode).toBe(400);
    expect((await alice.get(`/api/jobs/${id}/runs/999999/log.csv`)).statusCode).toBe(404);
  });
});

function csvQuoted(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
