/**
 * Test connection through the HTTP API before a channel is saved: POST /api/channels/test with a new
 * channel's values, POST /api/channels/:name/test with an edit form's values (empty secrets are the stored
 * ones, not on another host), who may do it, and a shop that cannot be reached answered at once (no retries).
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

/** A port on 127.0.0.1 where nothing listens (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describeEachDb('HTTP API: Test connection of unsaved settings', (getDb) => {
  let sim: MagentoSimulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 7, seed: 3, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function setUp() {
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    await api.addUser('bob');
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
    return { alice, bob: await api.as('bob') };
  }

  it('tests a channel that is not saved: its adapter, URL and settings', async () => {
    const { alice, bob } = await setUp();
    const unsaved = (url: string, settings: Record<string, string>) =>
      alice.post('/api/channels/test', { adapter: 'magento', url, settings });
    const ok = await unsaved(sim.url, { token: sim.token });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, message: expect.stringContaining('7') });
    const wrongToken = await unsaved(sim.url, { token: 'y'.repeat(32) });
    expect(wrongToken.statusCode).toBe(422);
    expect(wrongToken.json()).toMatchObject({ code: 'CHANNEL_AUTH_FAILED' });
    expect(wrongToken.body).not.toContain('y'.repeat(32));
    // Wrong input is refused at its field, as a save would refuse it.
    const noToken = await unsaved(sim.url, {});
    expect(noToken.statusCode).toBe(400);
    expect(noToken.json()).toMatchObject({ field: 'settings.token' });
    const badUrl = await unsaved('ftp://shop', { token: sim.token });
    expect(badUrl.json()).toMatchObject({ field: 'url' });
    // Only administrators: the server reaches whatever URL is given.
    const asUser = await bob.post('/api/channels/test', { adapter: 'magento', url: sim.url, settings: {} });
    expect(asUser.statusCode).toBe(403);
    // Nothing was saved.
    expect((await alice.get('/api/channels')).json()).toHaveLength(1);
  });

  it("tests an edit form's values: empty secrets are the stored ones, but not on another host", async () => {
    const { alice, bob } = await setUp();
    const stored = await alice.post('/api/channels/shop/test', { url: sim.url, settings: { token: '' } });
    expect(stored.statusCode, stored.body).toBe(200);
    const typed = await alice.post('/api/channels/shop/test', {
      url: sim.url,
      settings: { token: 'z'.repeat(32) },
    });
    expect(typed.statusCode).toBe(422);
    expect(typed.json()).toMatchObject({ code: 'CHANNEL_AUTH_FAILED' });
    // The form's page size is tested, not the saved one (none): a value out of range is refused at its field.
    const pageSize = await alice.post('/api/channels/shop/test', {
      url: sim.url,
      settings: { pageSize: '1000000' },
    });
    expect(pageSize.statusCode).toBe(400);
    expect(pageSize.json()).toMatchObject({ field: 'settings.pageSize' });
    // Another host never gets the stored token.
    const elsewhere = await alice.post('/api/channels/shop/test', {
      url: 'http://127.0.0.1:9',
      settings: {},
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json()).toMatchObject({ field: 'settings.token' });
    // Users test the saved values only.
    expect((await bob.post('/api/channels/shop/test', { url: sim.url, settings: {} })).statusCode).toBe(403);
    expect((await bob.post('/api/channels/shop/test')).statusCode).toBe(200);
    // The saved channel is unchanged.
    expect((await alice.post('/api/channels/shop/test')).statusCode).toBe(200);
  });

  it('answers a refused connection and a failed TLS handshake at once, without retries', async () => {
    const { alice } = await setUp();
    const port = await closedPort();
    const refused = await alice.post('/api/channels/test', {
      adapter: 'magento',
      url: `http://127.0.0.1:${port}`,
      settings: { token: sim.token },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'CHANNEL_UNREACHABLE',
      message: `Could not reach 127.0.0.1:${port}: the connection was refused.`,
    });
    // https:// to the simulator's plain HTTP port: the handshake fails.
    const tls = await alice.post('/api/channels/test', {
      adapter: 'magento',
      url: sim.url.replace('http://', 'https://'),
      settings: { token: sim.token },
    });
    expect(tls.statusCode).toBe(422);
    expect(tls.json().code).toBe('CHANNEL_UNREACHABLE');
    expect(tls.json().message).toMatch(/TLS/);
    expect(tls.json().message).not.toContain('Gave up');
  });
});
