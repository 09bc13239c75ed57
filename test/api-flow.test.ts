/**
 * End to end over the API: a channel on the Magento simulator, an Import customers job filed over HTTP and run
 * by an application server, its dialog notification (also pushed live over /api/events to its user only),
 * the imported partners searchable in the cockpit.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { AppServer } from '../src/batch/app-server.ts';
import type { Notice } from '../src/domain/notice.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { insertNotifications } from '../src/storage/notification-store.ts';
import { type Client, importBody, testApi } from './support/api-fixtures.ts';
import { eventually, FAST_TIMING, fileSleep, testApplications } from './support/batch-fixtures.ts';
import { eventReader } from './support/event-reader.ts';
import { describeEachDb } from './support/test-databases.ts';

const notice = (title: string, channel: 'dialog' | 'workflow' = 'dialog'): Notice => ({
  channel,
  topic: 'run-ended',
  hasErrors: false,
  title,
  message: `${title}: done`,
});

describeEachDb('HTTP API: from channel to partners, with notifications', (getDb) => {
  let sim: MagentoSimulator;
  let server: AppServer | null = null;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 30, seed: 13, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  it('imports over the API: job finished, dialog for its user, partners searchable', async () => {
    const db = getDb();
    const api = testApi(db);
    await api.addUser('alice', 'administrator');
    await api.addUser('bob');
    const alice = await api.as('alice');
    const bob = await api.as('bob');
    await alice.post('/api/channels', {
      name: 'shop',
      adapter: 'magento',
      type: 'b2b-b2c',
      url: sim.url,
      settings: { token: sim.token, pageSize: '10' },
      customerApproval: false,
      pseudoPartnerNumber: null,
    });
    const filed = await bob.post('/api/import-customers', importBody({}, { notification: 'dialog' }));
    expect(filed.statusCode).toBe(201);
    const jobId = filed.json().id as number;

    server = await AppServer.start({ db, name: 'A', applications: testApplications, timing: FAST_TIMING });
    const job = await eventually(
      async () => {
        const current = (await bob.get(`/api/jobs/${jobId}`)).json();
        return current.state === 'finished' ? current : undefined;
      },
      20_000,
      'job finished',
    );
    expect(job.runs).toEqual([
      expect.objectContaining({
        state: 'finished',
        appServer: 'A',
        counts: expect.objectContaining({ created: 30 }),
      }),
    ]);

    const log = (await bob.get(`/api/jobs/${jobId}/runs/${job.runs[0].id}/log`)).json();
    expect(log).toMatchObject({
      run: { id: job.runs[0].id },
      importRun: { channel: 'shop', counts: { read: 30 } },
    });

    const dialogs = (await bob.get('/api/notifications/dialogs')).json();
    expect(dialogs).toEqual([expect.objectContaining({ channel: 'dialog', jobId, hasErrors: false })]);
    expect(dialogs[0].user).toBeUndefined();
    expect((await alice.get('/api/notifications/dialogs')).json()).toEqual([]);

    const page = (await bob.get('/api/partners?channel=shop&limit=10')).json();
    expect(page.total).toBe(30);
    expect(page.items).toHaveLength(10);
    const partner = page.items[3];
    const found = (await bob.get(`/api/partners?q=${encodeURIComponent(partner.email)}`)).json();
    expect(found.items.map((p: { number: string }) => p.number)).toContain(partner.number);
    expect((await bob.get(`/api/partners/${partner.number}`)).json()).toMatchObject({
      number: partner.number,
      links: [expect.objectContaining({ channel: 'shop', active: true })],
    });
    expect((await bob.get('/api/partners/NOPE-1')).statusCode).toBe(404);
    expect((await bob.get('/api/partners?type=B2X')).json()).toMatchObject({ field: 'type' });
  });

  it('lists dialogs and the workflow inbox of the user; acknowledges only their own', async () => {
    const db = getDb();
    const api = testApi(db);
    await api.addUser('alice');
    await api.addUser('bob');
    const alice = await api.as('alice');
    const bob = await api.as('bob');
    const job = await fileSleep(db, {}, { user: 'alice' });
    await insertNotifications(db, { user: 'alice', jobId: job.id, runId: null }, [
      notice('Dialog'),
      notice('Task', 'workflow'),
    ]);
    const [dialog] = (await alice.get('/api/notifications/dialogs')).json();
    const [task] = (await alice.get('/api/notifications/inbox')).json();
    expect(dialog).toMatchObject({ title: 'Dialog', channel: 'dialog', acknowledgedAt: null });
    expect(task).toMatchObject({ title: 'Task', channel: 'workflow' });
    expect((await bob.get('/api/notifications/inbox')).json()).toEqual([]);
    const foreign = await bob.post(`/api/notifications/${task.id}/acknowledge`);
    expect(foreign.statusCode).toBe(404);
    expect((await alice.post(`/api/notifications/${task.id}/acknowledge`)).statusCode).toBe(204);
    expect((await alice.get('/api/notifications/inbox')).json()).toEqual([]);
    expect((await alice.get('/api/notifications/dialogs')).json()).toHaveLength(1);
    expect((await alice.post(`/api/notifications/${task.id}/acknowledge`)).statusCode).toBe(404);
  });

  it('pushes a new notification over /api/events to its user only, and ends the stream at logout', async () => {
    const db = getDb();
    const api = testApi(db);
    await api.addUser('alice');
    await api.addUser('bob');
    const alice = await api.as('alice');
    const bob = await api.as('bob');
    const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
    const open = async (client: Client) => {
      const response = await fetch(`${address}/api/events`, {
        headers: { cookie: `kontor_session=${client.cookie}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = eventReader(response);
      await reader.until(': connected');
      return reader;
    };
    const aliceEvents = await open(alice);
    const bobEvents = await open(bob);
    try {
      const job = await fileSleep(db, {}, { user: 'alice' });
      await insertNotifications(db, { user: 'bob', jobId: job.id, runId: null }, [notice('For Bob')]);
      await insertNotifications(db, { user: 'alice', jobId: job.id, runId: null }, [notice('For Alice')]);
      await aliceEvents.until('For Alice');
      await bobEvents.until('For Bob');
      expect(aliceEvents.text()).not.toContain('For Bob');
      expect(bobEvents.text()).not.toContain('For Alice');
      const frame = aliceEvents
        .text()
        .split('\n\n')
        .find((part) => part.includes('For Alice'))!;
      expect(frame).toMatch(/^event: notification\nid: \d+\ndata: /);
      const data = JSON.parse(frame.split('data: ')[1]!);
      expect(data).toMatchObject({
        channel: 'dialog',
        title: 'For Alice',
        jobId: job.id,
        acknowledgedAt: null,
      });
      expect(data.user).toBeUndefined();

      expect((await alice.post('/api/auth/logout')).statusCode).toBe(204);
      expect(await aliceEvents.until('never sent', 5_000)).toBe(false);
      const refused = await fetch(`${address}/api/events`, {
        headers: { cookie: `kontor_session=${alice.cookie}` },
      });
      expect(refused.status).toBe(401);
    } finally {
      await aliceEvents.cancel();
      await bobEvents.cancel();
      await api.app.close();
    }
  });
});
