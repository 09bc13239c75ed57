/** The Cloud adapter over HTTP against both simulator flavours: every paging rule, auth, and failures. */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, idsOf, read } from '../../../test/support/adapter-test-helpers.ts';
import { AuthError, BugError, ConfigError, TransientError } from '../../domain/errors.ts';
import {
  type CloudSimulator,
  type CloudSimulatorOptions,
  startCloudSimulator,
} from '../../simulators/cloud/simulator.ts';
import type { RetryEvent } from '../http/http-client.ts';
import { createCloudAdapter } from './adapter.ts';

const closers: Array<() => Promise<void>> = [];
const retries: RetryEvent[] = [];
afterEach(async () => {
  retries.length = 0;
  await Promise.all(closers.splice(0).map((close) => close()));
});
const adapter = createCloudAdapter({
  http: {
    retry: { retries: 2, backoffBaseMs: 1, retryAfterMaxMs: 20 },
    timeoutMs: 500,
    onRetry: (event) => retries.push(event),
  },
});

async function start(options: CloudSimulatorOptions = {}) {
  const sim = await startCloudSimulator({ customers: 33, seed: 12, brokenShare: 0, ...options });
  closers.push(() => sim.close());
  return sim;
}
const connection = (sim: CloudSimulator, settings: Record<string, string> = {}) => ({
  url: sim.url,
  settings: { ...sim.channelSettings, pageSize: '10', ...settings },
});
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

/** A one-route server answering `body(url, headers)` as JSON. */
async function serve(body: (url: URL, headers: IncomingHttpHeaders) => unknown): Promise<string> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body(new URL(req.url ?? '/', 'http://x'), req.headers)));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(async () => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('Cloud adapter paging', () => {
  it.each([
    ['cursor', 'kontor', {}, /^limit=10(&cursor=[\w-]+)?$/],
    ['next-link', 'kontor', { paging: 'next-link', nextPath: 'next' }, /^limit=10(&cursor=[\w-]+)?$/],
    ['page', 'legacy', {}, /^sort=modified&per_page=10&page=[1-4]$/],
    ['offset', 'legacy', { paging: 'offset' }, /^sort=modified&per_page=10&offset=(0|10|20|30)$/],
  ] as const)('reads every customer once with %s paging', async (_rule, flavour, settings, query) => {
    const sim = await start({ flavour });
    const pages = await collect(adapter.readCustomers(connection(sim, settings), read()));
    const ids = idsOf(pages);
    expect(new Set(ids)).toEqual(new Set(sim.store.byId().map((item) => item.id)));
    expect(ids).toHaveLength(33);
    const requests = sim.requests.filter(
      (r) => r.path === (flavour === 'kontor' ? '/api/v1/customers' : '/rest/customers'),
    );
    expect(requests.length).toBeGreaterThanOrEqual(4);
    for (const request of requests) expect(request.query).toMatch(query);
    const times = pages.flatMap((page) => page.customers.map((c) => c.updatedAt));
    expect(times).toEqual([...times].sort());
  });

  it('resumes a page-numbered read from the cursor of a page', async () => {
    const sim = await start({ flavour: 'legacy' });
    const [first, ...rest] = await collect(adapter.readCustomers(connection(sim), read()));
    expect(first?.cursor).toBe('cloud:v1|page|2');
    const resumed = await collect(
      adapter.readCustomers(connection(sim), read({ cursor: first?.cursor ?? null })),
    );
    expect(idsOf(resumed)).toEqual(idsOf(rest));
    expect(rest.at(-1)?.cursor).toBe('cloud:v1|end|');
    expect(await collect(adapter.readCustomers(connection(sim), read({ cursor: 'cloud:v1|end|' })))).toEqual(
      [],
    );
    await expect(
      collect(adapter.readCustomers(connection(sim), read({ cursor: 'cloud:v1|cursor|abc' }))),
    ).rejects.toThrow('paging');
  });

  it('sends changed since in the configured format, and filters itself when the API selects by day only', async () => {
    let now = new Date('2025-09-01T10:00:00Z');
    const sim = await start({ flavour: 'legacy', clock: () => now });
    now = new Date('2025-09-03T08:00:00Z');
    const [a, b] = sim.store.byId().map((item) => item.id) as [string, string];
    sim.store.change(a, (raw) => (raw.last_name = 'Früh'));
    now = new Date('2025-09-03T15:00:00Z');
    sim.store.change(b, (raw) => (raw.last_name = 'Spät'));
    const since = new Date('2025-09-03T12:00:00Z');
    const exact = await collect(adapter.readCustomers(connection(sim), read({ since })));
    expect(idsOf(exact)).toEqual([b]);
    expect(sim.requests.at(-1)?.query).toContain(`modified_since=${since.getTime() / 1000}`);
    const byDay = await collect(
      adapter.readCustomers(connection(sim, { changedSinceParam: 'none' }), read({ since })),
    );
    expect(idsOf(byDay)).toEqual([b]);
  });

  it('lists the ids of every customer for the deletion scan', async () => {
    const sim = await start();
    sim.store.delete(sim.store.byId()[0]?.id as string);
    const ids: string[] = [];
    for await (const batch of adapter.listIds?.(connection(sim)) ?? []) ids.push(...batch);
    expect(new Set(ids)).toEqual(new Set(sim.store.byId().map((item) => item.id)));
  });

  it('refuses the deletion scan with page or offset paging, which could miss customers changed meanwhile', async () => {
    const sim = await start();
    const scan = async () => {
      for await (const _ of adapter.listIds?.(connection(sim, { paging: 'page' })) ?? []) break;
    };
    await expect(scan()).rejects.toThrow('needs cursor or next-link paging; this channel pages by page');
  });

  it('sends basic auth, or nothing with auth none', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const url = await serve((_url, headers) => {
      seen.push(headers);
      return [{ id: 1, updatedAt: 1717236000 }];
    });
    const basic = { auth: 'basic', username: 'kontor', password: 'pässword', itemsPath: '$', paging: 'page' };
    expect(idsOf(await collect(adapter.readCustomers({ url, settings: basic }, read())))).toEqual(['1']);
    expect(seen[0]?.authorization).toBe(`Basic ${Buffer.from('kontor:pässword').toString('base64')}`);
    await collect(
      adapter.readCustomers({ url, settings: { auth: 'none', itemsPath: '$', paging: 'page' } }, read()),
    );
    expect(seen[1]?.authorization).toBeUndefined();
  });
});

describe('Cloud adapter failures', () => {
  it('reports a wrong token as an AuthError with the API message, hiding the token', async () => {
    const sim = await start();
    const error = await failure(
      collect(adapter.readCustomers(connection(sim, { token: 'wrong-token-77' }), read())),
    );
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain('Missing or invalid credentials.');
    expect((error as Error).message).not.toContain('wrong-token-77');
  });

  it('retries a 503 and a 429 with Retry-After; gives up on an API that does not answer in time', async () => {
    const sim = await start({
      failures: [
        { times: 1, status: 503 },
        { times: 1, status: 429, retryAfter: '1' },
      ],
    });
    expect(idsOf(await collect(adapter.readCustomers(connection(sim), read())))).toHaveLength(33);
    expect(retries.map((r) => [r.error.code, r.delayMs])).toEqual([
      ['CHANNEL_SERVER_ERROR', expect.any(Number)],
      ['CHANNEL_RATE_LIMITED', 20],
    ]);
    sim.injectFailure({ times: 3, delayMs: 800 });
    const error = await failure(collect(adapter.readCustomers(connection(sim), read())));
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'CHANNEL_TIMEOUT' });
  });

  it('names the setting to check when the item list is not where itemsPath says', async () => {
    const sim = await start();
    const error = await failure(
      collect(adapter.readCustomers(connection(sim, { itemsPath: 'data.items' }), read())),
    );
    expect(error).toBeInstanceOf(BugError);
    expect(error).toMatchObject({ code: 'CLOUD_UNEXPECTED_RESPONSE' });
    expect((error as Error).message).toContain('Check the setting itemsPath');
  });

  it('stops instead of looping when the API ignores the page parameter', async () => {
    const sim = await start({ flavour: 'legacy' });
    const error = await failure(collect(adapter.readCustomers(connection(sim, { pageParam: 'pg' }), read())));
    expect(error).toBeInstanceOf(BugError);
    expect(error).toMatchObject({ code: 'CLOUD_PAGING_STUCK' });
  });

  it('stops instead of looping when the API answers every cursor with the same next cursor', async () => {
    let served = 0;
    const url = await serve(() => ({
      items: [{ id: ++served, updatedAt: `2025-01-01T00:00:0${served}Z` }],
      nextCursor: 'again',
    }));
    const error = await failure(collect(adapter.readCustomers({ url, settings: { auth: 'none' } }, read())));
    expect(error).toBeInstanceOf(BugError);
    expect(error).toMatchObject({
      code: 'CLOUD_PAGING_STUCK',
      detail: 'position cloud:v1|cursor|again -> cloud:v1|cursor|again',
    });
    expect(served).toBe(2);
  });

  it('reads a last page that starts with the same customer as the one before it', async () => {
    const url = await serve((target) =>
      target.searchParams.get('cursor') === null
        ? { items: [{ id: 1, updatedAt: '2025-01-01T00:00:01Z' }], nextCursor: 'two' }
        : { items: [{ id: 1, updatedAt: '2025-01-01T00:00:01Z' }], nextCursor: null },
    );
    const pages = await collect(adapter.readCustomers({ url, settings: { auth: 'none' } }, read()));
    expect(idsOf(pages)).toEqual(['1', '1']);
    expect(pages.at(-1)?.cursor).toBe('cloud:v1|end|');
  });

  it('refuses an unsorted API and a next link to another host', async () => {
    const sim = await start({ flavour: 'legacy' });
    const unsorted = await failure(
      collect(adapter.readCustomers(connection(sim, { extraQuery: '' }), read())),
    );
    expect(unsorted).toBeInstanceOf(ConfigError);
    expect(unsorted).toMatchObject({ code: 'CLOUD_NOT_SORTED' });
    const url = await serve(() => ({
      items: [{ id: 1, updatedAt: '2025-01-01T00:00:00Z' }],
      next: 'https://elsewhere.example/page2',
    }));
    const foreign = await failure(
      collect(
        adapter.readCustomers(
          { url, settings: { auth: 'none', paging: 'next-link', nextPath: 'next' } },
          read(),
        ),
      ),
    );
    expect(foreign).toBeInstanceOf(ConfigError);
    expect((foreign as Error).message).toContain('elsewhere.example');
  });

  it('tests the connection with the first page and says how many items the mapping cannot read', async () => {
    const sim = await start({ brokenShare: 0.3 });
    const result = await adapter.check(connection(sim));
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/the first page has 10 customers(; \d of them cannot be read)?/);
  });
});
