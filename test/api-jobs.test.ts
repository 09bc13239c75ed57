/**
 * /api/import-customers and /api/jobs: filing with the Batch settings defaults, errors that name their field,
 * listing with filters, release / cancel / trigger and who may do them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { type Client, importBody, testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

type Body = Record<string, unknown>;

describeEachDb('HTTP API: import customers and batch jobs', (getDb) => {
  let sim: MagentoSimulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 5, seed: 8, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function setUp() {
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    await api.addUser('bob');
    await api.addUser('carol');
    const alice = await api.as('alice');
    const channel = (body: Body) =>
      alice.post('/api/channels', { customerApproval: false, pseudoPartnerNumber: null, ...body });
    await channel({
      name: 'shop',
      adapter: 'magento',
      type: 'b2b-b2c',
      url: sim.url,
      settings: { token: sim.token },
    });
    await channel({
      name: 'sw',
      adapter: 'shopware',
      type: 'b2c',
      url: 'http://127.0.0.1:9',
      settings: { clientId: 'id', clientSecret: 'secret-value' },
    });
    return { api, alice, bob: await api.as('bob'), carol: await api.as('carol') };
  }

  const file = async (client: Client, application: Body = {}, batch: Body = {}) =>
    await client.post('/api/import-customers', importBody(application, batch));

  it('files a job for the logged-in user with the defaults of the Batch settings tab', async () => {
    const { bob } = await setUp();
    const response = await file(bob, {}, { releaseImmediately: false });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      id: expect.any(Number),
      name: expect.stringMatching(/^import-customers-\d+$/),
      application: 'import-customers',
      applicationLabel: 'Import customers',
      settings: {
        channel: 'shop',
        changedSince: 'anytime',
        timestamp: null,
        byEmail: false,
        emails: [],
        deactivateDeleted: false,
        confirmAllWarnings: true,
      },
      state: 'planned',
      queue: 'default',
      user: 'bob',
      oltpDatabase: 'default',
      contentLanguage: 'en', // the default OLTP database's language
      startMode: 'add-to-queue',
      notification: 'none',
      runs: [],
    });
    const byEmail = await file(bob, {
      byEmail: true,
      emails: ['A@x.example', 'b@x.example'],
      changedSince: 'manual',
    });
    expect(byEmail.json().settings).toMatchObject({ byEmail: true, emails: ['A@x.example', 'b@x.example'] });
    expect(byEmail.json().state).toBe('ready');
  });

  it('refuses invalid input with 400 and the field (application.* or batch.*)', async () => {
    const { bob } = await setUp();
    const cases: Array<[Body, Body, string]> = [
      [{ channel: 'nope' }, {}, 'application.channel'],
      [{ channel: 'sw', byEmail: true, emails: ['a@x.example'] }, {}, 'application.byEmail'],
      [{ byEmail: true, emails: [] }, {}, 'application.emails'],
      [{ byEmail: true, emails: ['not an address'] }, {}, 'application.emails'],
      [{ timestamp: '2026-01-01T00:00:00Z' }, {}, 'application.timestamp'],
      [{ changedSince: 'manual', timestamp: '2999-01-01T00:00:00Z' }, {}, 'application.timestamp'],
      [{ changedSince: 'sometimes' }, {}, 'application.changedSince'],
      [{}, { queue: 'nightly' }, 'batch.queue'],
      [{}, { startMode: 'whenever' }, 'batch.startMode'],
      [{}, { begin: 'tomorrow' }, 'batch.begin'],
      [{}, { maxRunSeconds: 0 }, 'batch.maxRunSeconds'],
      [{}, { user: 'ghost' }, 'batch.user'],
    ];
    for (const [application, batch, field] of cases) {
      const response = await file(bob, application, batch);
      if (field === 'batch.user') {
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({ code: 'FORBIDDEN', field });
        continue;
      }
      expect(response.statusCode, field).toBe(400);
      expect(response.json(), field).toMatchObject({ code: 'INVALID_INPUT', field });
    }
    const noQueue = await bob.post('/api/import-customers', {
      application: { channel: 'shop' },
      batch: { startMode: 'add-to-queue', notification: 'none' },
    });
    expect(noQueue.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'batch.queue' });
    const service = await file(bob, {}, { startMode: 'once' });
    expect(service.statusCode).toBe(400);
    expect(service.json()).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Start "Scheduled: once only" (once) needs Begin.',
    });
    expect((await bob.get('/api/jobs')).json()).toEqual([]);
  });

  it('lets an administrator file for another existing user; a user only for themselves', async () => {
    const { alice, bob } = await setUp();
    expect((await file(alice, {}, { user: 'carol' })).json()).toMatchObject({ user: 'carol' });
    expect((await file(bob, {}, { user: 'bob' })).json()).toMatchObject({ user: 'bob' });
    const ghost = await file(alice, {}, { user: 'ghost' });
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json()).toMatchObject({ field: 'batch.user' });
    expect((await file(bob, {}, { user: 'carol' })).statusCode).toBe(403);
  });

  it('lists jobs newest first, filtered by name, state, queue, user, application server, application', async () => {
    const { alice, bob } = await setUp();
    await alice.post('/api/queues', { name: 'nightly' });
    const a = (await file(bob, {}, { name: 'Shop Nightly', releaseImmediately: false })).json();
    const b = (await file(bob, {}, { queue: 'nightly', appServer: 'web-1' })).json();
    const c = (await file(alice, {}, { name: 'other' })).json();
    const ids = async (query: string) =>
      ((await bob.get(`/api/jobs${query}`)).json() as Array<{ id: number }>).map((job) => job.id);
    expect(await ids('')).toEqual([c.id, b.id, a.id]);
    expect(await ids('?name=nightly')).toEqual([a.id]);
    expect(await ids('?state=planned')).toEqual([a.id]);
    expect(await ids('?state=planned&state=ready')).toEqual([c.id, b.id, a.id]);
    expect(await ids('?queue=nightly')).toEqual([b.id]);
    expect(await ids('?user=alice')).toEqual([c.id]);
    expect(await ids('?appServer=web-1')).toEqual([b.id]);
    expect(await ids('?application=import-customers&limit=2')).toEqual([c.id, b.id]);
    expect((await bob.get('/api/jobs?state=sleeping')).json()).toMatchObject({ field: 'state.0' });
    expect((await bob.get('/api/jobs?limit=5000')).json()).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'limit',
    });
    expect((await bob.get(`/api/jobs/${a.id}`)).json()).toMatchObject({ id: a.id, name: 'Shop Nightly' });
    expect((await bob.get('/api/jobs/99999')).statusCode).toBe(404);
    expect((await bob.get('/api/jobs/abc')).json()).toMatchObject({ code: 'INVALID_INPUT', field: 'id' });
    expect((await bob.get(`/api/jobs/${a.id}/runs/1/log`)).statusCode).toBe(404);
  });

  it('releases, cancels and triggers the own jobs (administrators any), 409 when the state does not allow it', async () => {
    const { api, alice, bob, carol } = await setUp();
    const job = (await file(bob, {}, { releaseImmediately: false })).json();
    const forbidden = await carol.post(`/api/jobs/${job.id}/release`);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await carol.post(`/api/jobs/${job.id}/cancel`)).statusCode).toBe(403);
    expect((await carol.post(`/api/jobs/${job.id}/trigger`)).statusCode).toBe(403);

    const released = await api.app.inject({
      method: 'POST',
      url: `/api/jobs/${job.id}/release`,
      // What a browser's fetch with a JSON content type and no body sends.
      headers: {
        'x-kontor-request': '1',
        'content-type': 'application/json',
        cookie: `kontor_session=${bob.cookie}`,
      },
    });
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ id: job.id, state: 'ready' });
    const again = await bob.post(`/api/jobs/${job.id}/release`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'JOB_NOT_PLANNED' });
    const notExternal = await bob.post(`/api/jobs/${job.id}/trigger`);
    expect(notExternal.statusCode).toBe(409);
    expect(notExternal.json()).toMatchObject({ code: 'JOB_NOT_EXTERNAL' });

    const canceled = await alice.post(`/api/jobs/${job.id}/cancel`);
    expect(canceled.json()).toMatchObject({ job: { state: 'canceled' }, outcome: 'canceled' });
    const cancelAgain = await bob.post(`/api/jobs/${job.id}/cancel`);
    expect(cancelAgain.statusCode).toBe(409);
    expect(cancelAgain.json()).toMatchObject({ code: 'JOB_NOT_CANCELABLE' });

    const external = (await file(bob, {}, { startMode: 'external' })).json();
    expect(external.state).toBe('planned');
    expect((await bob.post(`/api/jobs/${external.id}/trigger`)).statusCode).toBe(409);
    await bob.post(`/api/jobs/${external.id}/release`);
    const triggered = await bob.post(`/api/jobs/${external.id}/trigger`);
    expect(triggered.json()).toMatchObject({ job: { state: 'ready' }, outcome: 'ready' });
    expect((await bob.post(`/api/jobs/${external.id}/trigger`)).json()).toMatchObject({ outcome: 'waiting' });
    expect((await bob.post('/api/jobs/99999/cancel')).statusCode).toBe(404);
  });

  it('edits a job that has not started: the owner or an administrator, either tab as a whole', async () => {
    const { alice, bob, carol } = await setUp();
    await alice.post('/api/queues', { name: 'nightly' });
    const job = (await file(bob, {}, { releaseImmediately: false })).json();
    const edited = await bob.patch(`/api/jobs/${job.id}`, {
      application: { channel: 'shop', changedSince: 'last-transfer', confirmAllWarnings: false },
      batch: {
        queue: 'nightly',
        startMode: 'add-to-queue',
        notification: 'dialog',
        releaseImmediately: false,
        name: 'renamed',
      },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      id: job.id,
      name: 'renamed',
      queue: 'nightly',
      notification: 'dialog',
      state: 'planned',
      user: 'bob',
      settings: { changedSince: 'last-transfer', confirmAllWarnings: false },
    });
    // An administrator's edit keeps the job's user unless they name another.
    const byAdmin = await alice.patch(`/api/jobs/${job.id}`, {
      batch: { queue: 'default', startMode: 'add-to-queue', notification: 'none', releaseImmediately: false },
    });
    expect(byAdmin.json()).toMatchObject({
      user: 'bob',
      queue: 'default',
      settings: { changedSince: 'last-transfer' },
    });

    const forbidden = await carol.patch(`/api/jobs/${job.id}`, { application: { channel: 'shop' } });
    expect(forbidden.statusCode).toBe(403);
    const toOther = await bob.patch(`/api/jobs/${job.id}`, {
      batch: { queue: 'default', startMode: 'add-to-queue', notification: 'none', user: 'carol' },
    });
    expect(toOther.statusCode).toBe(403);
    expect(toOther.json()).toMatchObject({ field: 'batch.user' });
    for (const [body, field] of [
      [{ application: { channel: 'nope' } }, 'application.channel'],
      [{ batch: { queue: 'default', startMode: 'series', notification: 'none' } }, 'batch.pattern'],
      [{ batch: { queue: 'default', startMode: 'once', notification: 'none' } }, 'batch.begin'],
      [
        { batch: { queue: 'default', startMode: 'add-to-queue', notification: 'sometimes' } },
        'batch.notification',
      ],
    ] as const) {
      const response = await bob.patch(`/api/jobs/${job.id}`, body);
      expect(response.statusCode, field).toBe(400);
      expect(response.json(), field).toMatchObject({ code: 'INVALID_INPUT', field });
    }
    await bob.post(`/api/jobs/${job.id}/cancel`);
    const closed = await bob.patch(`/api/jobs/${job.id}`, { application: { channel: 'shop' } });
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'JOB_NOT_EDITABLE' });
    expect((await bob.patch('/api/jobs/99999', { application: { channel: 'shop' } })).statusCode).toBe(404);
  });
});
