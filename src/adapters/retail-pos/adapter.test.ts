import { describe, expect, it } from 'vitest';
import { collect, idsOf, read, useRunning } from '../../../test/support/adapter-test-helpers.ts';
import { type RetailPosSimulator, startRetailPosSimulator } from '../../simulators/retail-pos/simulator.ts';
import type { RetryEvent } from '../http/http-client.ts';
import { createRetailPosAdapter, retailPosAdapter } from './adapter.ts';

const start = useRunning(startRetailPosSimulator, { customers: 57, seed: 9, brokenShare: 0 });
const retries: RetryEvent[] = [];
const adapter = createRetailPosAdapter({
  http: {
    retry: { retries: 2, backoffBaseMs: 1, retryAfterMaxMs: 1_000 },
    timeoutMs: 2_000,
    onRetry: (event) => retries.push(event),
  },
});

const connection = (sim: RetailPosSimulator, settings: Record<string, string> = {}) => ({
  url: sim.url,
  settings: { apiKey: sim.apiKey, pageSize: '10', requestsPerSecond: '50', ...settings },
});
const customerRequests = (sim: RetailPosSimulator) =>
  sim.requests.filter((r) => r.path === '/api/v1/customers');

describe('reading store customers', () => {
  it('reads every customer once, in change-time order, keyset-paged', async () => {
    const sim = await start({ brokenShare: 0.05, requestsPerSecond: null });
    const pages = await collect(adapter.readCustomers(connection(sim), read()));
    const ids = idsOf(pages);
    const rejected = pages.flatMap((page) => page.rejected);
    expect(new Set([...ids, ...rejected.map((r) => r.externalId)])).toEqual(
      new Set(sim.store.list().map((c) => c.customerId)),
    );
    expect(ids.length + rejected.length).toBe(sim.store.size);
    // A mistyped e-mail is rejected; a country that is no ISO code is delivered for the import to warn about.
    expect(new Set(rejected.map((r) => r.externalId))).toEqual(
      new Set([...sim.broken].filter(([, kind]) => kind === 'email').map(([id]) => id)),
    );
    expect(rejected.every((r) => r.code === 'INVALID_EMAIL')).toBe(true);
    const countries = new Set(
      pages.flatMap((page) => page.customers.flatMap((c) => c.addresses.map((a) => a.country))),
    );
    for (const [id, kind] of sim.broken)
      if (kind === 'country') expect(countries).toContain(sim.store.get(id)!.address!.countryCode);
    const times = pages.flatMap((page) => page.customers.map((c) => c.updatedAt));
    expect(times).toEqual([...times].sort());
    const requests = customerRequests(sim);
    expect(requests[0]?.query).toBe('limit=10');
    const [, at, id] = pages[0]!.cursor!.split('|');
    expect(requests[1]?.query).toBe(`limit=10&afterModifiedAt=${at}&afterCustomerId=${id}`);
    expect(requests.every((r) => r.authorization === null)).toBe(true);
    // The seed's older tombstones come in the same stream.
    expect(pages.flatMap((page) => page.deleted).length).toBeGreaterThan(0);
  });

  it('reads only customers changed since an instant, with deletions and anonymizations as tombstones', async () => {
    let now = new Date('2025-08-01T10:00:00.250Z');
    const sim = await start({ clock: () => now, requestsPerSecond: null });
    const [a, b, c] = sim.store.list();
    sim.store.change(a!.customerId, (customer) => {
      customer.loyaltyCards.push({
        cardNumber: '2900009999993',
        status: 'active',
        issuedAt: '2025-08-01T12:00:00+02:00',
        storeId: customer.registeredIn.storeId,
      });
    });
    now = new Date('2025-08-01T10:00:00.900Z');
    sim.store.remove(b!.customerId, 'anonymized');
    sim.store.remove(c!.customerId);
    const pages = await collect(
      adapter.readCustomers(connection(sim), read({ since: new Date('2025-08-01T10:00:00.250Z') })),
    );
    expect(idsOf(pages)).toEqual([a!.customerId]);
    expect(pages[0]?.customers[0]?.updatedAt).toBe('2025-08-01T10:00:00.250Z');
    expect(pages.flatMap((page) => page.deleted)).toEqual([
      { externalId: b!.customerId, deletedAt: '2025-08-01T10:00:00.900Z' },
      { externalId: c!.customerId, deletedAt: '2025-08-01T10:00:00.900Z' },
    ]);
    expect(customerRequests(sim)[0]?.query).toContain('modifiedSince=2025-08-01T10:00:00.250Z');
  });

  it('authenticates with basic auth instead of an API key', async () => {
    const sim = await start({ requestsPerSecond: null });
    const settings = { apiKey: '', username: sim.user.username, password: sim.user.password };
    const pages = await collect(adapter.readCustomers(connection(sim, settings), read()));
    expect(idsOf(pages).length).toBe(sim.store.size);
    expect(customerRequests(sim)[0]?.authorization).toMatch(/^Basic /);
    const refused = await collect(
      adapter.readCustomers(connection(sim, { ...settings, password: 'wrong-password' }), read()),
    ).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'CHANNEL_AUTH_FAILED' });
    expect((refused as Error).message).toContain('Missing or invalid credentials');
    expect((refused as Error).message).not.toContain('wrong-password');
  });

  it('stays below the head office rate limit with its default throttle, and waits when it gets a 429', async () => {
    const sim = await start({ customers: 30 });
    const throttled = await collect(
      adapter.readCustomers({ url: sim.url, settings: { apiKey: sim.apiKey, pageSize: '5' } }, read()),
    );
    expect(idsOf(throttled).length).toBe(sim.store.size);
    expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);

    retries.length = 0;
    const fast = await collect(adapter.readCustomers(connection(sim, { pageSize: '4' }), read()));
    expect(idsOf(fast).length).toBe(sim.store.size);
    expect(sim.requests.some((r) => r.status === 429)).toBe(true);
    expect(
      retries.every((event) => event.error.code === 'CHANNEL_RATE_LIMITED' && event.delayMs === 1_000),
    ).toBe(true);
  });

  it('resumes from a cursor and refuses a cursor of another adapter', async () => {
    const sim = await start({ requestsPerSecond: null });
    const all = await collect(adapter.readCustomers(connection(sim), read()));
    const rest = await collect(adapter.readCustomers(connection(sim), read({ cursor: all[2]!.cursor })));
    expect([...idsOf(all.slice(0, 3)), ...idsOf(rest)]).toEqual(idsOf(all));
    await expect(
      collect(adapter.readCustomers(connection(sim), read({ cursor: 'oxid:v1|abc' }))),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('misses no customer while stores change customers during the read', async () => {
    let now = new Date('2025-08-01T10:00:00Z');
    const sim = await start({ customers: 40, clock: () => now, requestsPerSecond: null });
    const seen = new Set<string>();
    let page = 0;
    for await (const current of adapter.readCustomers(connection(sim), read())) {
      for (const customer of current.customers) seen.add(customer.externalId);
      if (++page === 2) {
        now = new Date(now.getTime() + 5);
        const unread = sim.store.list().filter((customer) => !seen.has(customer.customerId));
        for (const customer of unread.slice(0, 3))
          sim.store.change(customer.customerId, (c) => (c.status = 'inactive'));
        const template = sim.store.list()[0]!;
        sim.store.create({ ...template, firstName: 'Neu', email: null });
      }
    }
    expect(seen).toEqual(new Set(sim.store.list().map((customer) => customer.customerId)));
  });
});

describe('check and settings', () => {
  it('connects and names the head office, its stores and customers', async () => {
    const sim = await start({ requestsPerSecond: null });
    const result = await adapter.check({ ...connection(sim), url: `${sim.url}/api/v1/` });
    expect(result).toEqual({
      ok: true,
      message: `Connected to ${new URL(sim.url).host} (head office Kontor Retail Demo, ${sim.stores.length} stores): ${sim.store.size} customers.`,
      customerCount: sim.store.size,
    });
  });

  it('reports a wrong URL and retries a head office that is briefly unavailable', async () => {
    const sim = await start({
      requestsPerSecond: null,
      failures: [{ path: '/customers', times: 2, status: 503 }],
    });
    await expect(adapter.check({ ...connection(sim), url: `${sim.url}/pos` })).rejects.toMatchObject({
      code: 'CHANNEL_NOT_FOUND',
    });
    retries.length = 0;
    const pages = await collect(adapter.readCustomers(connection(sim), read()));
    expect(idsOf(pages).length).toBe(sim.store.size);
    expect(retries).toHaveLength(2);
  });

  it('declares its capabilities and takes an API key or a user name and password, not both', () => {
    expect(retailPosAdapter.capabilities).toMatchObject({
      changedSince: true,
      byEmail: false,
      deletions: 'tombstones',
      channelTypes: ['b2c', 'b2b-b2c'],
      guests: false,
      alwaysBlocked: false,
      requestsPerSecond: 5,
    });
    const validate = (settings: Record<string, string>) => () => retailPosAdapter.validateSettings(settings);
    expect(validate({})).toThrow(expect.objectContaining({ code: 'SETTING_MISSING' }));
    expect(validate({ username: 'kontor' })).toThrow(
      expect.objectContaining({ code: 'SETTING_MISSING', message: expect.stringContaining('"password"') }),
    );
    expect(validate({ apiKey: 'k', username: 'u', password: 'p' })).toThrow(
      expect.objectContaining({ code: 'SETTING_INVALID' }),
    );
    expect(validate({ apiKey: 'k', pageSize: '501' })).toThrow(
      expect.objectContaining({ code: 'SETTING_INVALID' }),
    );
    expect(validate({ apiKey: 'k' })).not.toThrow();
    expect(validate({ username: 'u', password: 'p', requestsPerSecond: '2' })).not.toThrow();
  });
});
