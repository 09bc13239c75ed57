/** /api/channels: administrators create and edit sales channels; everybody reads and tests; secrets never leave. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MagentoSimulator, startMagentoSimulator } from '../src/simulators/magento/simulator.ts';
import { type Client, testApi } from './support/api-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

describeEachDb('HTTP API: sales channels', (getDb) => {
  let sim: MagentoSimulator;
  beforeAll(async () => {
    sim = await startMagentoSimulator({ customers: 12, seed: 5, brokenShare: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  const magento = (overrides: Record<string, unknown> = {}) => ({
    name: 'shop',
    adapter: 'magento',
    type: 'b2b-b2c',
    url: sim.url,
    settings: { token: sim.token, pageSize: '50' },
    customerApproval: false,
    pseudoPartnerNumber: null,
    ...overrides,
  });

  async function setUp() {
    const api = testApi(getDb());
    await api.addUser('alice', 'administrator');
    await api.addUser('bob');
    return { api, alice: await api.as('alice'), bob: await api.as('bob') };
  }

  /** Every answer about channels: the token must appear in none. */
  async function expectNoSecret(client: Client, answers: string[]) {
    answers.push((await client.get('/api/channels')).body, (await client.get('/api/channels/shop')).body);
    for (const body of answers) expect(body).not.toContain(sim.token);
  }

  it('creates a channel (administrator) and shows it without its secret settings', async () => {
    const { alice, bob } = await setUp();
    const created = await alice.post('/api/channels', magento());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'shop',
      adapter: 'magento',
      adapterLabel: 'Magento 2 / Adobe Commerce',
      type: 'b2b-b2c',
      url: sim.url,
      settings: { pageSize: '50' },
      secretsSet: ['token'],
      customerApproval: false,
      usePseudoPartner: false,
      pseudoPartnerNumber: null,
      watermark: null,
    });
    expect(created.json().settings.token).toBeUndefined();
    expect((await bob.get('/api/channels')).json()).toHaveLength(1);
    expect((await bob.get('/api/channels/shop')).json()).toMatchObject({
      name: 'shop',
      secretsSet: ['token'],
    });
    await expectNoSecret(bob, [created.body]);
  });

  it('refuses users (403), taken names (409), invalid input (400 with the field) and unknown channels (404)', async () => {
    const { alice, bob } = await setUp();
    const forbidden = await bob.post('/api/channels', magento());
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await alice.post('/api/channels', magento())).statusCode).toBe(201);
    const taken = await alice.post('/api/channels', magento());
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'NAME_TAKEN' });
    for (const [body, field] of [
      [magento({ name: 'other', adapter: 'nope' }), 'adapter'],
      [magento({ name: 'other', type: 'b2x' }), 'type'],
      [{ ...magento({ name: 'other' }), url: undefined }, 'url'],
      [magento({ name: 'other', settings: { token: { a: 1 } } }), 'settings.token'],
    ] as const) {
      const response = await alice.post('/api/channels', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'INVALID_INPUT', field });
    }
    const badUrl = await alice.post('/api/channels', magento({ name: 'third', url: 'ftp://shop' }));
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json()).toMatchObject({ code: 'INVALID_INPUT' });
    const missing = await bob.get('/api/channels/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await bob.post('/api/channels/nope/test')).statusCode).toBe(404);
  });

  it('tests the connection: 200 when the shop answers, 422 with the reason when it refuses', async () => {
    const { alice, bob } = await setUp();
    await alice.post('/api/channels', magento());
    await alice.post('/api/channels', magento({ name: 'wrong', settings: { token: 'x'.repeat(32) } }));
    const ok = await bob.post('/api/channels/shop/test');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, message: expect.stringContaining('12') });
    const refused = await bob.post('/api/channels/wrong/test');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'CHANNEL_AUTH_FAILED', message: expect.any(String) });
    expect(refused.body).not.toContain('x'.repeat(32));
  });

  it('clears secret settings listed in clearSecrets (Retail POS: from API key to user name and password)', async () => {
    const { alice } = await setUp();
    const pos = {
      name: 'pos',
      type: 'b2c',
      url: 'https://pos.example.com',
      settings: { apiKey: 'pos-api-key-789' },
      customerApproval: false,
      pseudoPartnerNumber: null,
    };
    expect((await alice.post('/api/channels', { ...pos, adapter: 'retail-pos' })).statusCode).toBe(201);
    const settings = { username: 'head-office', password: 'pos-password-1' };
    const both = await alice.put('/api/channels/pos', { ...pos, settings });
    expect(both.statusCode).toBe(400);
    expect(both.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'settings.apiKey' });
    const switched = await alice.put('/api/channels/pos', { ...pos, settings, clearSecrets: ['apiKey'] });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({
      settings: { username: 'head-office' },
      secretsSet: ['password'],
    });
    const wrongKey = await alice.put('/api/channels/pos', { ...pos, settings, clearSecrets: ['username'] });
    expect(wrongKey.statusCode).toBe(400);
    expect(wrongKey.json()).toMatchObject({ field: 'clearSecrets' });
  });

  it('edits a channel (administrator): renames, keeps an absent secret, takes a new one; never shows it', async () => {
    const { alice, bob } = await setUp();
    await alice.post('/api/channels', magento());
    await alice.post('/api/channels', magento({ name: 'other' }));
    const { adapter: _adapter, ...update } = magento({ name: 'main shop', customerApproval: true });
    const edited = await alice.put('/api/channels/shop', { ...update, settings: { pageSize: '20' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      name: 'main shop',
      customerApproval: true,
      settings: { pageSize: '20' },
      secretsSet: ['token'],
    });
    expect((await bob.post('/api/channels/main%20shop/test')).statusCode).toBe(200);
    const newToken = await alice.put('/api/channels/main%20shop', {
      ...update,
      settings: { token: 'y'.repeat(32) },
    });
    expect(newToken.statusCode).toBe(200);
    expect((await bob.post('/api/channels/main%20shop/test')).json()).toMatchObject({
      code: 'CHANNEL_AUTH_FAILED',
    });
    await expectNoSecret(bob, [edited.body, newToken.body]);

    expect((await bob.put('/api/channels/other', update)).statusCode).toBe(403);
    const taken = await alice.put('/api/channels/other', update);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'NAME_TAKEN' });
    expect((await alice.put('/api/channels/nope', update)).statusCode).toBe(404);
    const badSetting = await alice.put('/api/channels/other', {
      ...update,
      name: 'other',
      settings: { pageSize: 'many' },
    });
    expect(badSetting.statusCode).toBe(400);
    expect(badSetting.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'settings.pageSize' });
    const unknownSetting = await alice.put('/api/channels/other', {
      ...update,
      name: 'other',
      settings: { colour: 'red' },
    });
    expect(unknownSetting.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'settings.colour' });
  });
});
