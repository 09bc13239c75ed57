/** The IBUS adapter against the simulated bus over HTTP: reading, tokens, deletions and failures. */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, read } from '../../../test/support/adapter-test-helpers.ts';
import { AuthError, BugError, ConfigError, TransientError } from '../../domain/errors.ts';
import { ibusConnection } from '../../simulators/ibus/harness.ts';
import {
  type IbusSimulator,
  type IbusSimulatorOptions,
  startIbusSimulator,
} from '../../simulators/ibus/simulator.ts';
import type { RetryEvent } from '../http/http-client.ts';
import { createIbusAdapter } from './adapter.ts';

const running: IbusSimulator[] = [];
const retries: RetryEvent[] = [];
afterEach(async () => {
  retries.length = 0;
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});
const adapter = createIbusAdapter({
  http: {
    retry: { retries: 2, backoffBaseMs: 1, retryAfterMaxMs: 20 },
    timeoutMs: 500,
    onRetry: (event) => retries.push(event),
  },
});

async function start(options: IbusSimulatorOptions = {}) {
  const sim = await startIbusSimulator({
    customers: 45,
    seed: 5,
    brokenShare: 0,
    requestsPerSecond: null,
    ...options,
  });
  running.push(sim);
  return sim;
}
const feedRequests = (sim: IbusSimulator) => sim.requests.filter((r) => r.path === '/api/v1/customers');

describe('IBUS adapter', () => {
  it('reads the whole feed in keyset pages with one token, and reports rejected records', async () => {
    const sim = await start({ brokenShare: 0.1 });
    const pages = await collect(adapter.readCustomers(ibusConnection(sim, { pageSize: '10' }), read()));
    expect(pages).toHaveLength(5);
    const customers = pages.flatMap((p) => p.customers);
    const rejected = pages.flatMap((p) => p.rejected);
    expect(customers.length + rejected.length).toBe(45);
    // Broken countries are delivered (the import warns); bad e-mails, names and dates are rejected.
    const rejectedKinds = [...sim.seed.broken.values()].filter((kind) => kind !== 'country');
    expect(rejected).toHaveLength(rejectedKinds.length);
    expect(new Set(rejected.map((r) => r.code))).toEqual(
      new Set(
        rejectedKinds.map(
          (kind) =>
            ({ email: 'INVALID_EMAIL', name: 'INVALID_RECORD', date: 'INVALID_DATE' })[kind as 'email'],
        ),
      ),
    );
    expect(sim.requests.filter((r) => r.path === '/api/v1/auth/token')).toHaveLength(1);
    const second = feedRequests(sim)[1]?.query ?? '';
    expect(second).toMatch(
      /^afterChangedAt=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z&afterId=K-\d{6}&limit=10$/,
    );
    expect(pages[0]?.cursor).toMatch(/^ibus:v1\|.+\|K-\d{6}$/);
  });

  it('delivers deletions as tombstones in change-time order, with changed customers since an instant', async () => {
    let now = new Date('2025-07-01T10:00:00Z');
    const sim = await start({ clock: () => now });
    const [a, b, c] = sim.store.list();
    sim.store.delete(a?.id as string);
    now = new Date('2025-07-01T10:00:05Z');
    sim.store.change(b?.id as string, (customer) => (customer.tin = null));
    now = new Date('2025-07-01T10:00:09Z');
    sim.store.delete(c?.id as string);
    const pages = await collect(
      adapter.readCustomers(ibusConnection(sim), read({ since: new Date('2025-07-01T10:00:00Z') })),
    );
    expect(pages.flatMap((p) => p.deleted)).toEqual([
      { externalId: a?.id, deletedAt: '2025-07-01T10:00:00.000Z' },
      { externalId: c?.id, deletedAt: '2025-07-01T10:00:09.000Z' },
    ]);
    expect(pages.flatMap((p) => p.customers.map((x) => [x.externalId, x.taxId]))).toEqual([[b?.id, null]]);
    expect(feedRequests(sim)[0]?.query).toBe('changedSince=2025-07-01T10:00:00.000Z&limit=200');
  });

  it('fetches a new token once when the bus refuses the one it holds (expired during a read)', async () => {
    const sim = await start();
    const pages = adapter.readCustomers(ibusConnection(sim, { pageSize: '20' }), read());
    const seen: string[] = [];
    for await (const page of pages) {
      seen.push(...page.customers.map((c) => c.externalId));
      sim.auth.expireAll();
    }
    expect(new Set(seen).size).toBe(45);
    expect(sim.requests.filter((r) => r.path === '/api/v1/auth/token')).toHaveLength(3);
  });

  it('fetches a new token once when the bus refuses a token it has just issued, then reads on', async () => {
    const sim = await start({ failures: [{ path: '/api/v1/customers', times: 1, status: 401 }] });
    const pages = await collect(adapter.readCustomers(ibusConnection(sim), read()));
    expect(pages.flatMap((p) => p.customers)).toHaveLength(45);
    expect(sim.requests.filter((r) => r.path === '/api/v1/auth/token')).toHaveLength(2);
  });

  it('gives up with the AuthError when the bus refuses the fresh token too', async () => {
    const sim = await start({ failures: [{ path: '/api/v1/customers', times: 2, status: 401 }] });
    const error = await collect(adapter.readCustomers(ibusConnection(sim), read())).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(sim.requests.filter((r) => r.path === '/api/v1/auth/token')).toHaveLength(2);
  });

  it('hides the issued access token in messages, as it hides the configured secrets', async () => {
    const server = createServer((req, res) => {
      const token = req.url === '/api/v1/auth/token';
      res.writeHead(token ? 200 : 400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          token
            ? { accessToken: 'issued-token-4711', tokenType: 'Bearer', expiresIn: 3600 }
            : {
                code: 'BAD_SCOPE',
                message: 'Token issued-token-4711 may not read customers.',
                requestId: 'r',
              },
        ),
      );
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const settings = { clientId: 'LIC-1', clientSecret: 'cs', username: 'kontor', password: 'pw' };
    const error = await collect(adapter.readCustomers({ url, settings }, read()))
      .catch((caught: unknown) => caught)
      .finally(() => server.close());
    expect((error as Error).message).toContain('may not read customers');
    expect((error as Error).message).not.toContain('issued-token-4711');
  });

  it('reports wrong credentials as an AuthError naming the host and hiding the secrets', async () => {
    const sim = await start();
    const error = await collect(
      adapter.readCustomers(ibusConnection(sim, { clientSecret: 'not-the-secret-42' }), read()),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ code: 'CHANNEL_AUTH_FAILED' });
    const message = (error as Error).message;
    expect(message).toContain(new URL(sim.url).host);
    expect(message).toContain('Client or user credentials are not valid.');
    expect(message).toContain('clientSecret');
    expect(message).not.toContain('not-the-secret-42');
  });

  it('retries a 503 and a 429 with Retry-After, then reads everything', async () => {
    const sim = await start({
      failures: [
        { path: '/api/v1/customers', times: 1, status: 503 },
        { path: '/api/v1/customers', times: 1, status: 429, retryAfter: '1' },
      ],
    });
    const pages = await collect(adapter.readCustomers(ibusConnection(sim), read()));
    expect(pages.flatMap((p) => p.customers)).toHaveLength(45);
    expect(retries.map((r) => [r.error.code, r.delayMs])).toEqual([
      ['CHANNEL_SERVER_ERROR', expect.any(Number)],
      ['CHANNEL_RATE_LIMITED', 20],
    ]);
  });

  it('keeps to the rate limit of the bus: no 429 with the default settings', async () => {
    const sim = await start({ requestsPerSecond: 10 });
    const pages = await collect(adapter.readCustomers(ibusConnection(sim, { pageSize: '3' }), read()));
    expect(pages).toHaveLength(15);
    expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
  });

  it('gives up on a bus that does not answer in time with a TransientError', async () => {
    const sim = await start({ failures: [{ path: '/api/v1/customers', times: 5, delayMs: 800 }] });
    const error = await collect(adapter.readCustomers(ibusConnection(sim), read())).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'CHANNEL_TIMEOUT' });
  });

  it('stops with a BugError on answers that are not the protocol, and a ConfigError for a foreign cursor', async () => {
    const sim = await start({
      failures: [{ path: '/api/v1/customers', times: 1, status: 200, body: '{"customers":[]}' }],
    });
    await expect(collect(adapter.readCustomers(ibusConnection(sim), read()))).rejects.toBeInstanceOf(
      BugError,
    );
    await expect(
      collect(adapter.readCustomers(ibusConnection(sim), read({ cursor: 'magento:v1|x|1' }))),
    ).rejects.toBeInstanceOf(ConfigError);
  });

  it('tests the connection with the bus info', async () => {
    const sim = await start({ pending: 2 });
    const result = await adapter.check(ibusConnection(sim));
    expect(result).toMatchObject({ ok: true, customerCount: 45 });
    expect(result.message).toContain('45 synchronized customers');
    expect(result.message).toContain('after the device synchronizes');
  });
});
