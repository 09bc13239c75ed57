/**
 * /api/records (docs/api.md "Open records"): the records runs did not import, paged and filtered, and the
 * actions confirm, ignore and retry with what was handled and what not; the channel list counts open records.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../src/import/import-service.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { testApi } from './support/api-fixtures.ts';
import { addMagentoChannel, importRequest, testAdapters } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('HTTP API: open records', (getDb) => {
  let sim: MagentoSimulator;
  let zero: string;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 20, seed: 5, brokenShare: 0 });
    const broken = sim.store.get(6)!;
    sim.store.load({
      customers: [{ ...broken, updated_at: '0000-00-00 00:00:00' }],
      companies: [],
      broken: new Map(),
    });
    zero = String(broken.id);
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function setUp() {
    const db = getDb();
    await addMagentoChannel(db, sim, 'shop', { type: 'b2c' });
    const run = await runImport(
      { db, adapters: testAdapters },
      importRequest('shop', { changedSince: 'last-transfer' }),
    );
    const api = testApi(db);
    await api.addUser('bob');
    return { run, api, bob: await api.as('bob') };
  }

  it('lists records not imported with their state, paged and filtered; the channel list counts them', async () => {
    const { run, api, bob } = await setUp();
    expect((await api.anonymous().get('/api/records')).statusCode).toBe(401);
    const all = await bob.get('/api/records');
    expect(all.statusCode).toBe(200);
    const body = all.json() as { total: number; records: Array<Record<string, unknown>> };
    expect(body.total).toBe(run.counts.errors + run.counts.awaiting);
    expect(body.records.find((record) => record.externalId === zero)).toEqual({
      channel: 'shop',
      externalId: zero,
      email: sim.store.get(Number(zero))?.email,
      level: 'error',
      codes: ['INVALID_DATE'],
      message: expect.stringContaining('0000-00-00'),
      state: 'open',
      firstSeenAt: expect.any(String),
      lastSeenAt: expect.any(String),
      runId: run.id,
      resolvedBy: null,
      resolvedAt: null,
      candidates: [],
    });
    const page = (await bob.get('/api/records?limit=1&offset=1')).json();
    expect(page.total).toBe(body.total);
    expect(page.records).toEqual([body.records[1]]);
    const beyond = (await bob.get('/api/records?limit=5&offset=100')).json();
    expect(beyond).toEqual({ total: body.total, records: [] });
    const errors = (await bob.get('/api/records?code=INVALID_DATE&state=open&channel=shop')).json();
    expect(errors.records.map((record: { externalId: string }) => record.externalId)).toEqual([zero]);
    expect((await bob.get('/api/records?channel=other')).json()).toEqual({ total: 0, records: [] });
    const bad = await bob.get('/api/records?state=done');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT' });

    const channels = (await bob.get('/api/channels')).json();
    expect(channels[0]).toMatchObject({ name: 'shop', openRecords: body.total });
  });

  it('confirms, ignores and retries records, answering which were handled and which not (and why)', async () => {
    const { bob } = await setUp();
    const awaiting = (await bob.get('/api/records?code=NO_ADDRESS')).json().records as Array<{
      externalId: string;
    }>;
    const first = awaiting[0]!.externalId;

    const confirmed = await bob.post('/api/records/confirm', {
      channel: 'shop',
      externalIds: [first, zero, 'nope'],
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({
      handled: [first],
      failed: [
        { externalId: zero, message: expect.stringContaining('has errors (INVALID_DATE)') },
        { externalId: 'nope', message: expect.stringContaining('No record with external id nope') },
      ],
      runId: expect.any(Number),
    });
    // The action's own import run and its log.
    const runLog = await bob.get(`/api/import-runs/${confirmed.json().runId}/log`);
    expect(runLog.statusCode).toBe(200);
    expect(runLog.json().importRun).toMatchObject({ changedSince: 'open-records', state: 'finished' });
    expect(runLog.json().importRun.counts).toMatchObject({ created: 1, warnings: 1 });
    expect(runLog.json().log).toEqual([expect.objectContaining({ externalId: first, level: 'warning' })]);
    expect((await bob.get('/api/import-runs/999999/log')).statusCode).toBe(404);
    const record = (await bob.get('/api/records?state=confirmed')).json().records[0];
    expect(record).toMatchObject({ externalId: first, resolvedBy: 'bob', state: 'confirmed' });

    const ignored = await bob.post('/api/records/ignore', { channel: 'shop', externalIds: [zero] });
    expect(ignored.json()).toMatchObject({ handled: [zero], failed: [] });
    expect((await bob.get('/api/records?state=ignored')).json().records[0]).toMatchObject({
      externalId: zero,
      resolvedBy: 'bob',
      resolvedAt: expect.any(String),
    });

    const retried = await bob.post('/api/records/retry', { channel: 'shop', externalIds: [zero] });
    expect(retried.json()).toMatchObject({
      handled: [],
      failed: [{ externalId: zero, message: expect.stringContaining('still not importable') }],
    });

    for (const [body, status] of [
      [{ channel: 'shop', externalIds: [] }, 400],
      [{ channel: 'shop' }, 400],
      [{ channel: 'shop', externalIds: [''] }, 400],
      [{ channel: 'nowhere', externalIds: ['1'] }, 404],
    ] as const) {
      const answer = await bob.post('/api/records/ignore', body);
      expect(answer.statusCode, JSON.stringify(body)).toBe(status);
    }
  });
});
