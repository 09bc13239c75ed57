/**
 * POST /api/import-customers/preview through the API: the same counts as the import job, paged through
 * `next` until done, cancelled by DELETE (and only by the user who opened it), errors naming their field,
 * and a client that goes away stops the server's read of the shop.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { testApi } from './support/api-fixtures.ts';
import { addMagentoChannel, importRequest, testAdapters } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('HTTP API: preview of Import customers', (getDb) => {
  let sim: MagentoSimulator;
  let slow: MagentoSimulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 45, seed: 81, brokenShare: 0.1 });
    slow = await startMagentoSimulator({ customers: 200, seed: 82, brokenShare: 0, latencyMs: 150 });
  });
  afterAll(async () => {
    await sim?.close();
    await slow?.close();
  });

  async function setUp() {
    const db = getDb();
    await addMagentoChannel(db, sim, 'shop', { settings: { token: sim.token, pageSize: '10' } });
    await addMagentoChannel(db, slow, 'slow', { settings: { token: slow.token, pageSize: '5' } });
    const api = testApi(db);
    await api.addUser('alice');
    await api.addUser('bob');
    return { db, api, alice: await api.as('alice'), bob: await api.as('bob') };
  }

  it('pages a preview to the end with the counts of the run that follows', async () => {
    const { db, alice, bob } = await setUp();
    const application = { channel: 'shop', changedSince: 'anytime' };
    const first = await alice.post('/api/import-customers/preview', { application, limit: 20 });
    expect(first.statusCode).toBe(200);
    let page = first.json();
    expect(page).toMatchObject({ done: false });
    expect(page.records).toHaveLength(20);
    expect(typeof page.id).toBe('string');
    // Another user cannot continue it.
    expect((await bob.post(`/api/import-customers/preview/${page.id}/next`, {})).statusCode).toBe(404);
    const records = [...page.records];
    while (!page.done) {
      const next = await alice.post(`/api/import-customers/preview/${page.id}/next`, { limit: 20 });
      expect(next.statusCode).toBe(200);
      page = next.json();
      records.push(...page.records);
    }
    expect(page.id).toBeNull();
    expect(records).toHaveLength(45);
    const run = await runImport({ db, adapters: testAdapters }, importRequest('shop'));
    expect(page.counts).toEqual({
      read: run.counts.read,
      create: run.counts.created,
      update: run.counts.updated,
      unchanged: run.counts.unchanged,
      awaiting: run.counts.awaiting,
      errors: run.counts.errors,
      skipped: run.counts.skipped,
    });
  });

  it('is cancelled by DELETE, and refuses bad settings naming the field', async () => {
    const { api, alice } = await setUp();
    const page = (
      await alice.post('/api/import-customers/preview', { application: { channel: 'shop' }, limit: 5 })
    ).json();
    const cookie = { cookie: `kontor_session=${alice.cookie}`, 'x-kontor-request': '1' };
    const bobs = await api.app.inject({
      method: 'DELETE',
      url: `/api/import-customers/preview/${page.id}`,
      headers: { ...cookie, cookie: 'kontor_session=nobody' },
    });
    expect(bobs.statusCode).toBe(401);
    const cancel = await api.app.inject({
      method: 'DELETE',
      url: `/api/import-customers/preview/${page.id}`,
      headers: cookie,
    });
    expect(cancel.statusCode).toBe(204);
    expect((await alice.post(`/api/import-customers/preview/${page.id}/next`, {})).statusCode).toBe(404);

    const missing = await alice.post('/api/import-customers/preview', { application: { channel: 'nope' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ field: 'application.channel' });
    const future = await alice.post('/api/import-customers/preview', {
      application: { channel: 'shop', changedSince: 'manual', timestamp: '2999-01-01T00:00:00Z' },
    });
    expect(future.json()).toMatchObject({ field: 'application.timestamp' });
  });

  it('stops reading the shop when the client goes away', async () => {
    const { api, alice } = await setUp();
    const address = await api.app.listen({ host: '127.0.0.1', port: 0 });
    const searches = () => slow.requests.filter((request) => request.path.includes('/search')).length;
    const controller = new AbortController();
    const request = fetch(`${address}/api/import-customers/preview`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-kontor-request': '1',
        cookie: `kontor_session=${alice.cookie}`,
      },
      body: JSON.stringify({ application: { channel: 'slow' }, limit: 1000 }),
      signal: controller.signal,
    });
    while (searches() < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await expect(request).rejects.toThrow();
    const atAbort = searches();
    await new Promise((resolve) => setTimeout(resolve, 600));
    // At most the request under way when the client left is finished; 40 pages were not read.
    expect(searches()).toBeLessThanOrEqual(atAbort + 1);
    expect(searches()).toBeLessThan(40);
    await api.app.close();
  });
});
