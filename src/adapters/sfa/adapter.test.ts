/** The Comarch SFA adapter against its simulator over HTTP: tokens, paging, id scan, devices, failures. */
import { afterEach, describe, expect, it } from 'vitest';
import { collect, failure, read } from '../../../test/support/adapter-test-helpers.ts';
import { AuthError, ConfigError } from '../../domain/errors.ts';
import {
  type SfaSimulator,
  type SfaSimulatorOptions,
  startSfaSimulator,
} from '../../simulators/sfa/simulator.ts';
import type { RetryEvent } from '../http/http-client.ts';
import { createSfaAdapter } from './adapter.ts';
import { readSfaSettings } from './settings.ts';

const retries: RetryEvent[] = [];
const adapter = createSfaAdapter({
  http: {
    retry: { retries: 2, backoffBaseMs: 1, retryAfterMaxMs: 20 },
    timeoutMs: 1_000,
    onRetry: (e) => retries.push(e),
  },
});
const running: SfaSimulator[] = [];
afterEach(async () => {
  retries.length = 0;
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

async function start(options: SfaSimulatorOptions = {}): Promise<SfaSimulator> {
  const sim = await startSfaSimulator({
    customers: 45,
    seed: 4,
    brokenShare: 0,
    requestsPerSecond: null,
    ...options,
  });
  running.push(sim);
  return sim;
}
const connection = (sim: SfaSimulator, settings: Record<string, string> = {}) => ({
  url: sim.url,
  settings: {
    clientId: sim.clientId,
    clientSecret: sim.clientSecret,
    pageSize: '20',
    requestsPerSecond: '20',
    ...settings,
  },
});
const paths = (sim: SfaSimulator) => sim.requests.map((r) => `${r.method} ${r.path} ${r.status}`);

describe('reading', () => {
  it('fetches one token and reads every synchronized customer in change-time order', async () => {
    const sim = await start();
    const pages = await collect(adapter.readCustomers(connection(sim), read()));
    expect(pages.flatMap((page) => page.customers.map((c) => c.externalId))).toEqual(
      sim.store
        .list()
        .sort((a, b) => Date.parse(a.modifiedAt) - Date.parse(b.modifiedAt) || (a.id < b.id ? -1 : 1))
        .map((c) => c.id),
    );
    expect(paths(sim)).toEqual([
      'POST /api/v1/oauth/token 200',
      'GET /api/v1/customers 200',
      'GET /api/v1/customers 200',
      'GET /api/v1/customers 200',
    ]);
  });

  it('fetches a new token once when the server says the token expired', async () => {
    const sim = await start();
    const pages = adapter.readCustomers(connection(sim), read())[Symbol.asyncIterator]();
    await pages.next();
    sim.expireTokens();
    while (!(await pages.next()).done);
    expect(paths(sim)).toEqual([
      'POST /api/v1/oauth/token 200',
      'GET /api/v1/customers 200',
      'GET /api/v1/customers 401',
      'POST /api/v1/oauth/token 200',
      'GET /api/v1/customers 200',
      'GET /api/v1/customers 200',
    ]);
  });

  it('never shows an access token it was issued in a message', async () => {
    const sim = await start();
    const pages = adapter.readCustomers(connection(sim), read())[Symbol.asyncIterator]();
    await pages.next();
    const token = sim.requests.at(-1)?.authorization?.replace('Bearer ', '') ?? '';
    expect(token.length).toBeGreaterThan(8);
    sim.injectFailure({
      status: 400,
      body: JSON.stringify({ error: `invalid token ${token}` }),
      times: 1,
    });
    const error = (await failure(
      (async () => {
        while (!(await pages.next()).done);
      })(),
    )) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(JSON.stringify([error.message, error.detail])).not.toContain(token);
    expect(`${error.message} ${error.detail ?? ''}`).toContain('token ***');
  });

  it('does not see customers waiting on a device until the device synchronized', async () => {
    const sim = await start();
    const [rep] = sim.store.representatives();
    const since = new Date(Date.now() - 1000);
    const entered = sim.store.enterOnDevice(rep!.code, {
      ...sim.store.list()[0]!,
      number: 'K/2025/000999',
      name: 'Neu GmbH',
    });
    const ids = async () =>
      (await collect(adapter.readCustomers(connection(sim), read({ since })))).flatMap((page) =>
        page.customers.map((c) => c.externalId),
      );
    expect(await ids()).toEqual([]);
    expect(sim.store.pending(rep!.code).map((c) => c.id)).toEqual([entered.id]);
    sim.store.syncDevice(rep!.code);
    expect(await ids()).toEqual([entered.id]);
  });

  it('lists every id for the deletion scan and check() counts them', async () => {
    const sim = await start();
    const [gone] = sim.store.list();
    sim.store.delete(gone!.id);
    const listed: string[] = [];
    for await (const batch of adapter.listIds!(connection(sim))) listed.push(...batch);
    expect(listed).toEqual(sim.store.list().map((c) => c.id));
    const result = await adapter.check(connection(sim));
    expect(result).toMatchObject({ ok: true, customerCount: 44 });
    expect(result.message).toContain('as API client "kontor-import": 44 synchronized customers');
  });
});

describe('failures', () => {
  it('reports a wrong secret as an AuthError with advice, never showing the secret', async () => {
    const sim = await start();
    const error = await failure(
      collect(adapter.readCustomers(connection(sim, { clientSecret: 'not-the-secret' }), read())),
    );
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain('Client authentication failed.');
    expect((error as Error).message).toContain('Integrations > API clients');
    expect((error as Error).message).not.toContain('not-the-secret');
  });

  it('retries maintenance (503) and the rate limit (429 with Retry-After)', async () => {
    const sim = await start({
      failures: [
        { path: '/api/v1/customers', times: 1, status: 503 },
        { path: '/api/v1/customers', times: 1, status: 429, retryAfter: '1' },
      ],
    });
    const pages = await collect(adapter.readCustomers(connection(sim), read()));
    expect(pages.flatMap((page) => page.customers)).toHaveLength(45);
    expect(retries.map((r) => r.error.code)).toEqual(['CHANNEL_SERVER_ERROR', 'CHANNEL_RATE_LIMITED']);
    expect(retries[0]?.error.message).toContain('The SFA server is under maintenance.');
  });

  it('the server limits clients to 20 requests a second', async () => {
    const sim = await start({ requestsPerSecond: 20 });
    const statuses = await Promise.all(
      Array.from({ length: 22 }, () => fetch(`${sim.url}/api/v1/customers`).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
  });

  it('rejects a broken record and reads on', async () => {
    const sim = await start({ brokenShare: 0.2 });
    const pages = await collect(adapter.readCustomers(connection(sim), read()));
    const rejected = pages.flatMap((page) => page.rejected);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((record) => record.code === 'INVALID_RECORD')).toBe(true);
    expect(pages.flatMap((page) => [...page.customers, ...page.rejected])).toHaveLength(45);
  });

  it('refuses settings above the server limit', () => {
    expect(() => readSfaSettings({ clientId: 'a', clientSecret: 'b', requestsPerSecond: '50' })).toThrow(
      ConfigError,
    );
    expect(() => readSfaSettings({ clientSecret: 'b' })).toThrow('needs the setting Client id ("clientId")');
    expect(readSfaSettings({ clientId: 'a', clientSecret: 'b' })).toEqual({
      clientId: 'a',
      clientSecret: 'b',
      pageSize: 250,
      requestsPerSecond: 15,
    });
  });
});
