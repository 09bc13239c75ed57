/**
 * POST /api/import-customers: a refused submission uses no job id. Whatever is refused (a settings field, an
 * unknown queue, a job name still open), the next job filed gets the id right after the last one filed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { importBody, testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('HTTP API: job ids of refused submissions', (getDb) => {
  let sim: MagentoSimulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 3, seed: 4, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('draws no id for a refused job: the next one filed follows the last one directly', async () => {
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    const alice = await api.as('alice');
    const created = await alice.post('/api/channels', {
      name: 'shop',
      adapter: 'magento',
      type: 'b2c',
      url: sim.url,
      settings: { token: sim.token },
      customerApproval: false,
      pseudoPartnerNumber: null,
    });
    expect(created.statusCode, created.body).toBe(201);
    const file = (batch: Record<string, unknown>, application: Record<string, unknown> = {}) =>
      alice.post('/api/import-customers', importBody(application, { releaseImmediately: false, ...batch }));

    const first = await file({ name: 'nightly' });
    expect(first.statusCode, first.body).toBe(201);
    const firstId = first.json().id as number;

    const sameName = await file({ name: 'nightly' });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json()).toMatchObject({ code: 'JOB_NAME_TAKEN' });
    const noQueue = await file({ queue: 'nowhere' });
    expect(noQueue.statusCode).toBe(400);
    expect(noQueue.json()).toMatchObject({ field: 'batch.queue' });
    const noChannel = await file({}, { channel: 'missing' });
    expect(noChannel.statusCode).toBe(400);
    const pastBegin = await file({ startMode: 'once', begin: '2001-01-01T00:00:00.000Z' });
    expect(pastBegin.statusCode).toBe(400);

    const next = await file({ name: 'nightly-2' });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().id).toBe(firstId + 1);
    // Without a name the job is called after its id, which is the next one too.
    const unnamed = await file({});
    expect(unnamed.json()).toMatchObject({ id: firstId + 2, name: `import-customers-${firstId + 2}` });
  });
});
