/** The simulated bus over HTTP: auth and token expiry, the feed's keyset and filters, devices, errors. */
import { afterEach, describe, expect, it } from 'vitest';
import { type IbusSimulator, type IbusSimulatorOptions, startIbusSimulator } from './simulator.ts';

const running: IbusSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});
async function start(options: IbusSimulatorOptions = {}) {
  const sim = await startIbusSimulator({ customers: 30, seed: 3, ...options });
  running.push(sim);
  return sim;
}

async function call(
  sim: IbusSimulator,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
) {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  return {
    status: response.status,
    headers: response.headers,
    // biome-ignore lint/suspicious/noExplicitAny: raw protocol answers, read as the bus sends them
    body: (await response.json()) as Record<string, any>,
  };
}

async function token(sim: IbusSimulator): Promise<string> {
  const { clientId, clientSecret, username, password } = sim;
  const answer = await call(sim, 'POST', '/api/v1/auth/token', {
    body: { clientId, clientSecret, username, password },
  });
  expect(answer).toMatchObject({ status: 200, body: { tokenType: 'Bearer', expiresIn: expect.any(Number) } });
  return answer.body.accessToken;
}

describe('IBUS simulator', () => {
  it('issues tokens for the right credentials only and answers errors with code, message and request id', async () => {
    const sim = await start();
    const wrong = await call(sim, 'POST', '/api/v1/auth/token', {
      body: { clientId: sim.clientId, clientSecret: 'x' },
    });
    expect(wrong).toMatchObject({
      status: 401,
      body: { code: 'INVALID_CREDENTIALS', message: expect.any(String), requestId: expect.any(String) },
    });
    expect((await call(sim, 'GET', '/api/v1/customers')).body.code).toBe('UNAUTHORIZED');
    expect((await call(sim, 'GET', '/api/v1/customers', { token: 'made-up' })).status).toBe(401);
    expect((await call(sim, 'GET', '/api/v2/customers', { token: await token(sim) })).body.code).toBe(
      'NOT_FOUND',
    );
  });

  it('lets tokens expire after their lifetime', async () => {
    let now = new Date('2025-07-01T10:00:00Z');
    const sim = await start({ clock: () => now, tokenTtlSeconds: 60 });
    const value = await token(sim);
    expect((await call(sim, 'GET', '/api/v1/info', { token: value })).body).toEqual({
      busVersion: '2025.1',
      protocol: 1,
      customers: 30,
    });
    now = new Date('2025-07-01T10:01:00Z');
    expect((await call(sim, 'GET', '/api/v1/info', { token: value })).body.code).toBe('TOKEN_EXPIRED');
  });

  it('pages the feed by (changedAt, id) after the keyset, from changedSince on, with tombstones', async () => {
    let now = new Date('2025-07-01T10:00:00Z');
    const sim = await start({ clock: () => now });
    const value = await token(sim);
    const first = await call(sim, 'GET', '/api/v1/customers?limit=20', { token: value });
    expect(first.body.items).toHaveLength(20);
    expect(first.body.hasMore).toBe(true);
    const last = first.body.items.at(-1);
    const rest = await call(
      sim,
      'GET',
      `/api/v1/customers?limit=20&afterChangedAt=${last.changedAt}&afterId=${last.id}`,
      { token: value },
    );
    expect(rest.body).toMatchObject({ hasMore: false });
    const all = [...first.body.items, ...rest.body.items];
    expect(new Set(all.map((item) => item.id)).size).toBe(30);
    const keys = all.map((item) => `${item.changedAt}|${item.id}`);
    expect(keys).toEqual([...keys].sort());

    const id = sim.store.list()[0]?.id as string;
    sim.store.delete(id);
    const since = await call(sim, 'GET', '/api/v1/customers?changedSince=2025-07-01T10:00:00.000Z', {
      token: value,
    });
    expect(since.body.items).toEqual([{ id, changedAt: '2025-07-01T10:00:00.000Z', deleted: true }]);
    now = new Date('2025-07-01T10:30:00Z');
    const offset = await call(sim, 'GET', '/api/v1/customers?changedSince=2025-07-01T12:00:00%2B02:00', {
      token: value,
    });
    expect(offset.body).toMatchObject({ items: [{ id, deleted: true }] });
  });

  it('keeps customers entered on a device invisible until that device synchronizes', async () => {
    const now = new Date('2025-07-01T10:00:00Z');
    const sim = await start({ clock: () => now, pending: 4 });
    const value = await token(sim);
    expect(sim.store.pending()).toHaveLength(4);
    const device = sim.store.pending()[0]?.deviceId as string;
    const onDevice = sim.store.pending(device).length;
    const count = async () => (await call(sim, 'GET', '/api/v1/info', { token: value })).body.customers;
    expect(await count()).toBe(30);
    expect(sim.store.sync(device)).toHaveLength(onDevice);
    expect(await count()).toBe(30 + onDevice);
    const synced = (
      await call(sim, 'GET', '/api/v1/customers?changedSince=2025-07-01T10:00:00Z', { token: value })
    ).body.items;
    expect(synced).toHaveLength(onDevice);
    expect(synced[0]).toMatchObject({ changedAt: '2025-07-01T10:00:00.000Z', deviceId: device });
    expect(Date.parse(synced[0].createdAt)).toBeLessThan(now.getTime());
    expect((await call(sim, 'POST', '/simulator/sync')).body.synchronized).toHaveLength(4 - onDevice);
    expect(sim.store.pending()).toEqual([]);
  });

  it('refuses bad parameters with 400 and more than 10 requests per second with 429 and Retry-After', async () => {
    const sim = await start();
    const value = await token(sim);
    expect((await call(sim, 'GET', '/api/v1/customers?limit=501', { token: value })).body).toMatchObject({
      code: 'INVALID_PARAMETER',
      message: expect.stringContaining('limit'),
    });
    expect(
      (await call(sim, 'GET', '/api/v1/customers?changedSince=2025-07-01', { token: value })).status,
    ).toBe(400);
    expect((await call(sim, 'GET', '/api/v1/customers?afterId=K-000001', { token: value })).status).toBe(400);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => call(sim, 'GET', '/api/v1/info', { token: value })),
    );
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.headers.get('retry-after')).toBe('1');
    expect(limited[0]?.body.code).toBe('RATE_LIMITED');
  });

  it('generates only businesses, the same for a seed, with broken records', async () => {
    const a = await start({ brokenShare: 0.1 });
    const b = await start({ brokenShare: 0.1 });
    expect(a.store.list()).toEqual(b.store.list());
    expect(a.seed.broken.size).toBe(3);
    expect(a.store.list().every((customer) => customer.name.trim() !== '' || a.seed.broken.size > 0)).toBe(
      true,
    );
    expect(new Set(a.seed.representatives.map((r) => r.code)).size).toBe(5);
  });
});
