/**
 * GET /metrics: Prometheus text with the figures read from the database at the scrape (jobs and runs by
 * state, queue depth and wait, application servers, records per channel) and this server's HTTP latency;
 * scraped in the middle of an import (held after its first page) and after it, the series move. Who may
 * scrape: loopback without a proxy in between, or the bearer token.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { AppServer } from '../src/batch/app-server.ts';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { importBody, testApi } from './support/api-fixtures.ts';
import { FAST_TIMING, jobInState } from './support/batch-fixtures.ts';
import { gatedImport } from './support/gated-adapter.ts';
import { addMagentoChannel } from './support/import-fixtures.ts';
import { parseSamples, sampleValue } from './support/prometheus-text.ts';
import { describeEachDb } from './support/test-databases.ts';

const TOKEN = 'scrape-token-0123456789';

describeEachDb('GET /metrics', (getDb) => {
  let sim: MagentoSimulator;
  let server: AppServer | null = null;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 35, seed: 5, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  it('moves during an import: records per channel, runs by state, queue depth, servers alive, HTTP latency', async () => {
    const db = getDb();
    const gated = gatedImport();
    const api = testApi(db, { adapters: gated.adapters, applications: gated.applications });
    await addMagentoChannel(db, sim, 'shop', { settings: { token: sim.token, pageSize: '10' } });
    await api.addUser('alice');
    const alice = await api.as('alice');
    const scrape = async () => {
      const response = await api.app.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      return response.body;
    };

    const before = await scrape();
    expect(sampleValue(before, 'kontor_import_records_total', { channel: 'shop', outcome: 'read' })).toBe(0);
    expect(sampleValue(before, 'kontor_batch_runs', { state: 'active' })).toBe(0);
    expect(sampleValue(before, 'kontor_app_servers_alive')).toBe(0);
    expect(sampleValue(before, 'kontor_database_up')).toBe(1);

    // Two jobs in one queue: the first runs (and is held after its first page), the second waits.
    const first = await alice.post('/api/import-customers', importBody());
    const second = await alice.post('/api/import-customers', importBody());
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    server = await AppServer.start({ db, name: 'A', applications: gated.applications, timing: FAST_TIMING });
    await gated.secondPageAsked;
    const records = (text: string, outcome: string) =>
      sampleValue(text, 'kontor_import_records_total', { channel: 'shop', outcome });
    // The first page is committed soon after (the read asks ahead while it is written), then nothing moves.
    await expect.poll(async () => records(await scrape(), 'read'), { timeout: 15_000 }).toBe(10);

    const during = await scrape();
    expect(records(during, 'read')).toBe(10);
    expect(records(during, 'created')).toBe(10);
    expect(records(during, 'failed')).toBe(0);
    expect(sampleValue(during, 'kontor_import_runs', { channel: 'shop', state: 'running' })).toBe(1);
    expect(sampleValue(during, 'kontor_batch_runs', { state: 'active' })).toBe(1);
    expect(sampleValue(during, 'kontor_batch_jobs', { state: 'active' })).toBe(1);
    expect(sampleValue(during, 'kontor_queue_jobs', { queue: 'default', state: 'active' })).toBe(1);
    expect(sampleValue(during, 'kontor_queue_jobs', { queue: 'default', state: 'ready' })).toBe(1);
    expect(
      sampleValue(during, 'kontor_queue_oldest_wait_seconds', { queue: 'default' }),
    ).toBeGreaterThanOrEqual(0);
    expect(sampleValue(during, 'kontor_app_servers_alive')).toBe(1);
    expect(sampleValue(during, 'kontor_app_server_up', { server: 'A' })).toBe(1);

    gated.open();
    await jobInState(db, second.json().id, ['finished'], 20_000);
    await jobInState(db, first.json().id, ['finished'], 20_000);
    const after = await scrape();
    // The second run read every customer again and found them unchanged.
    expect(records(after, 'read')).toBe(70);
    expect(records(after, 'created')).toBe(35);
    expect(records(after, 'unchanged')).toBe(35);
    expect(sampleValue(after, 'kontor_import_runs', { channel: 'shop', state: 'finished' })).toBe(2);
    expect(sampleValue(after, 'kontor_batch_runs', { state: 'finished' })).toBe(2);
    expect(sampleValue(after, 'kontor_batch_runs', { state: 'active' })).toBe(0);
    expect(sampleValue(after, 'kontor_queue_jobs', { queue: 'default', state: 'ready' })).toBe(0);
    expect(sampleValue(after, 'kontor_queue_oldest_wait_seconds', { queue: 'default' })).toBe(0);
    expect(
      sampleValue(after, 'kontor_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/import-customers',
        status: '201',
      }),
    ).toBe(2);
    expect(
      sampleValue(after, 'kontor_http_request_duration_seconds_bucket', {
        method: 'POST',
        route: '/api/import-customers',
        status: '201',
        le: '+Inf',
      }),
    ).toBe(2);
    expect(parseSamples(after).some((sample) => sample.name === 'process_resident_memory_bytes')).toBe(true);

    await server.stop();
    server = null;
    const stopped = await scrape();
    expect(sampleValue(stopped, 'kontor_app_servers_alive')).toBe(0);
    expect(sampleValue(stopped, 'kontor_app_servers', { status: 'stopped' })).toBe(1);
    expect(sampleValue(stopped, 'kontor_app_server_up', { server: 'A' })).toBe(0);
  }, 60_000);

  it('answers loopback callers that came through no proxy; others need the bearer token', async () => {
    const open = testApi(getDb());
    const get = (app: typeof open.app, remoteAddress: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });
    expect((await get(open.app, '127.0.0.1')).statusCode).toBe(200);
    expect((await get(open.app, '::1')).statusCode).toBe(200);
    const far = await get(open.app, '203.0.113.9');
    expect(far.statusCode).toBe(401);
    expect(far.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(far.json()).toMatchObject({
      code: 'AUTH_REQUIRED',
      message: expect.stringContaining('KONTOR_METRICS_TOKEN'),
    });
    expect(far.body).not.toContain('kontor_');
    // Through a reverse proxy on the same host: loopback, but not the proxy's own caller.
    expect((await get(open.app, '127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(401);
    expect((await get(open.app, '127.0.0.1', { forwarded: 'for=203.0.113.9' })).statusCode).toBe(401);
    // Without a configured token no token is right.
    expect((await get(open.app, '203.0.113.9', { authorization: `Bearer ${TOKEN}` })).statusCode).toBe(401);

    const guarded = testApi(getDb(), { metricsToken: TOKEN });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    expect((await get(guarded.app, '203.0.113.9', bearer(TOKEN))).statusCode).toBe(200);
    expect(
      (await get(guarded.app, '127.0.0.1', { ...bearer(TOKEN), 'x-forwarded-for': '198.51.100.1' }))
        .statusCode,
    ).toBe(200);
    expect((await get(guarded.app, '203.0.113.9', bearer(`${TOKEN}x`))).statusCode).toBe(401);
    expect((await get(guarded.app, '127.0.0.1', bearer('wrong'))).statusCode).toBe(401);
    expect((await get(guarded.app, '203.0.113.9', { authorization: `Basic ${TOKEN}` })).statusCode).toBe(401);
    expect((await get(guarded.app, '203.0.113.9')).statusCode).toBe(401);
  });
});
