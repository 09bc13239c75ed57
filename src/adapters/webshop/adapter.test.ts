/** The Comarch ERP Webshop adapter against its simulator over HTTP: paging, tombstones, protocol, auth, failures. */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, failure, read } from '../../../test/support/adapter-test-helpers.ts';
import { AuthError, BugError, ConfigError } from '../../domain/errors.ts';
import { EMPTY_DATE } from '../../simulators/webshop/seed.ts';
import {
  startWebshopSimulator,
  type WebshopSimulator,
  type WebshopSimulatorOptions,
} from '../../simulators/webshop/simulator.ts';
import type { RetryEvent } from '../http/http-client.ts';
import { createWebshopAdapter } from './adapter.ts';

const retries: RetryEvent[] = [];
const adapter = createWebshopAdapter({
  http: {
    retry: { retries: 2, backoffBaseMs: 1, retryAfterMaxMs: 20 },
    timeoutMs: 1_000,
    onRetry: (e) => retries.push(e),
  },
});
const running: WebshopSimulator[] = [];
afterEach(async () => {
  retries.length = 0;
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

async function start(options: WebshopSimulatorOptions = {}): Promise<WebshopSimulator> {
  const sim = await startWebshopSimulator({
    customers: 40,
    seed: 3,
    brokenShare: 0,
    deletedShare: 0,
    ...options,
  });
  running.push(sim);
  return sim;
}
const connection = (sim: WebshopSimulator, settings: Record<string, string> = {}) => ({
  url: sim.url,
  settings: {
    shopName: sim.shopName,
    apiKey: sim.apiKey,
    pageSize: '15',
    requestsPerSecond: '10',
    ...settings,
  },
});

describe('reading', () => {
  it('reads every company once in pages, after a handshake, with signed protocol 17 requests', async () => {
    const sim = await start();
    const pages = await collect(adapter.readCustomers(connection(sim), read()));
    expect(pages).toHaveLength(3);
    expect(pages.flatMap((page) => page.customers.map((c) => c.externalId))).toEqual(
      sim.store
        .list()
        .sort((a, b) => Date.parse(a.modifiedAt) - Date.parse(b.modifiedAt) || a.id - b.id)
        .map((c) => String(c.id)),
    );
    expect(sim.requests.map((r) => r.path)).toEqual([
      '/api/erp/protocol',
      '/api/erp/customers',
      '/api/erp/customers',
      '/api/erp/customers',
    ]);
    expect(pages.at(-1)?.cursor).toMatch(/^webshop:v1\|\d{4}-.*\+0[12]:00\|\d+$/);
  });

  it('delivers the tombstones of the period among the changes; tombstones past the retention are gone', async () => {
    const sim = await start({ deletedShare: 0.2 });
    const keeper = await start({ deletedShare: 0.2, tombstoneRetentionDays: 36_500 });
    const kept = await collect(adapter.readCustomers(connection(keeper), read()));
    expect(kept.flatMap((page) => page.deleted)).toHaveLength(keeper.store.tombstones().length);
    expect(keeper.store.tombstones().length).toBeGreaterThan(3);
    const since = new Date(Date.now() - 1000);
    const [gone, broken] = sim.store.list();
    sim.store.delete(gone!.id);
    sim.store.change(broken!.id, () => {});
    const all = await collect(adapter.readCustomers(connection(sim), read()));
    expect(all.flatMap((page) => page.deleted).map((item) => item.externalId)).toEqual([String(gone!.id)]);
    const recent = await collect(adapter.readCustomers(connection(sim), read({ since })));
    expect(recent.flatMap((page) => page.deleted)).toEqual([
      { externalId: String(gone!.id), deletedAt: expect.stringMatching(/Z$/) },
    ]);
    expect(recent.flatMap((page) => page.customers.map((c) => c.externalId))).toEqual([String(broken!.id)]);
  });

  it('moves past records it rejects', async () => {
    const sim = await start({ brokenShare: 0.1 });
    const pages = await collect(adapter.readCustomers(connection(sim), read()));
    const rejected = pages.flatMap((page) => page.rejected);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((record) => record.code === 'INVALID_DATE')).toBe(true);
    const ids = pages.flatMap((page) => [...page.customers, ...page.rejected].map((r) => r.externalId));
    expect(new Set(ids)).toEqual(new Set(sim.store.list().map((c) => String(c.id))));
    expect(sim.store.list().some((c) => c.modifiedAt === EMPTY_DATE)).toBe(true);
  });

  it('check() reports the webshop and the protocol', async () => {
    const sim = await start();
    const result = await adapter.check(connection(sim));
    expect(result.message).toContain('Comarch Webshop 2024.3.1, protocol 17');
    expect(result.message).toContain('"demo-webshop"');
  });
});

describe('protocol and authentication', () => {
  it('reports a webshop that does not speak protocol 17 as a protocol version mismatch', async () => {
    const sim = await start({ protocols: [15], version: '2021.0' });
    const error = await failure(collect(adapter.readCustomers(connection(sim), read())));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ code: 'WEBSHOP_PROTOCOL_MISMATCH' });
    expect((error as Error).message).toMatch(
      /^Protocol version mismatch: .* speaks protocol 15; .* speaks protocol 17/,
    );
  });

  it('answers a request in a version it does not speak with a clear error body', async () => {
    const sim = await start();
    const response = await fetch(`${sim.url}/api/erp/customers`, { headers: { 'x-webshop-protocol': '16' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 'PROTOCOL_VERSION_UNSUPPORTED',
      message: 'Protocol version mismatch: the client speaks protocol 16, this webshop speaks 17.',
      supportedProtocols: [17],
    });
  });

  it('reports a wrong key as an AuthError with advice, never showing the key', async () => {
    const sim = await start();
    const wrong = 'ffffffffffffffffffffffffffffffff';
    const error = await failure(collect(adapter.readCustomers(connection(sim, { apiKey: wrong }), read())));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain('The request signature is not valid for this shop.');
    expect((error as Error).message).toContain('synchronization data');
    expect((error as Error).message).not.toContain(wrong);
  });

  it("refuses requests whose timestamp is off the webshop's clock", async () => {
    const sim = await start({ clock: () => new Date(Date.now() + 600_000) });
    const error = await failure(collect(adapter.readCustomers(connection(sim), read())));
    expect(error).toMatchObject({ code: 'CHANNEL_AUTH_FAILED' });
    expect((error as Error).message).toMatch(/timestamp is 60\d seconds off the webshop's clock/);
  });

  it('reports a webshop without B2B', async () => {
    const sim = await start({ b2b: false });
    const error = await failure(collect(adapter.readCustomers(connection(sim), read())));
    expect(error).toMatchObject({ code: 'WEBSHOP_B2B_OFF', kind: 'config' });
  });
});

describe('failures', () => {
  it('retries maintenance (503) and a rate limit (429 with Retry-After), then reads everything', async () => {
    const sim = await start({
      failures: [
        { path: '/api/erp/customers', times: 1, status: 503 },
        { path: '/api/erp/customers', times: 1, status: 429, retryAfter: '1' },
      ],
    });
    const pages = await collect(adapter.readCustomers(connection(sim), read()));
    expect(pages.flatMap((page) => page.customers)).toHaveLength(40);
    expect(retries.map((r) => [r.error.code, r.error.message])).toEqual([
      ['CHANNEL_SERVER_ERROR', expect.stringContaining('The webshop is being updated.')],
      ['CHANNEL_RATE_LIMITED', expect.any(String)],
    ]);
  });

  it('is rate limited by the webshop when it sends faster than 10 requests a second', async () => {
    const sim = await start();
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => fetch(`${sim.url}/api/erp/protocol`).then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
  });

  it('gives up on a webshop that does not answer in time', async () => {
    const sim = await start({ failures: [{ path: '/api/erp/customers', times: 3, delayMs: 1_500 }] });
    const error = await failure(collect(adapter.readCustomers(connection(sim), read())));
    expect(error).toMatchObject({ code: 'CHANNEL_TIMEOUT', kind: 'transient' });
  });

  it('stops with a BugError on an answer that is no customer page, or a list that does not move', async () => {
    const answers = [
      { protocols: [17], b2b: true, product: 'x', version: '1' },
      { items: 'nope' },
      { protocols: [17], b2b: true, product: 'x', version: '1' },
      { protocol: 17, items: [{ id: 5, modifiedAt: '2025-01-01T00:00:00.000+01:00' }], hasMore: true },
      { protocol: 17, items: [{ id: 5, modifiedAt: '2025-01-01T00:00:00.000+01:00' }], hasMore: true },
    ];
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answers.shift()));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const settings = { shopName: 's', apiKey: '0123456789abcdef0123456789abcdef' };
    try {
      const shapeless = await failure(collect(adapter.readCustomers({ url, settings }, read())));
      expect(shapeless).toBeInstanceOf(BugError);
      expect(shapeless).toMatchObject({ code: 'WEBSHOP_UNEXPECTED_RESPONSE' });
      const stuck = await failure(collect(adapter.readCustomers({ url, settings }, read())));
      expect(stuck).toMatchObject({ code: 'WEBSHOP_PAGING_STUCK' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
