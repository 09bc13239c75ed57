/** The Shopware adapter against its simulator over HTTP: paging, Changed since, tokens, failures. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ShopwareSimulator,
  type ShopwareSimulatorOptions,
  startShopwareSimulator,
} from '../../simulators/shopware/simulator.ts';
import { SALES_CHANNELS } from '../../simulators/shopware/simulator-catalog.ts';
import type { ChannelConnection, CustomerPage, ReadRequest } from '../adapter.ts';
import { createShopwareAdapter, type ShopwareAdapterOptions } from './adapter.ts';

const T0 = Date.parse('2025-07-01T10:00:00.000Z');
let now = T0;
const clock = () => new Date(now);
const sims: ShopwareSimulator[] = [];

afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.close()));
  now = T0;
});

async function simulator(options: ShopwareSimulatorOptions = {}): Promise<ShopwareSimulator> {
  const sim = await startShopwareSimulator({ customers: 150, seed: 21, clock, ...options });
  sims.push(sim);
  return sim;
}

function connection(sim: ShopwareSimulator, settings: Record<string, string> = {}): ChannelConnection {
  return {
    url: sim.url,
    settings: {
      clientId: sim.integration.clientId,
      clientSecret: sim.integration.clientSecret,
      pageSize: '20',
      ...settings,
    },
  };
}

/** An adapter whose HTTP calls go through `beforeSearch` (called with the number of the search request). */
function adapter(options: ShopwareAdapterOptions & { beforeSearch?: (n: number) => void } = {}) {
  let searches = 0;
  const bodies: unknown[] = [];
  const instance = createShopwareAdapter({
    maxExcludedIds: options.maxExcludedIds,
    http: {
      retry: { retries: 2, backoffBaseMs: 1 },
      now: () => now,
      fetch: async (input, init) => {
        if (String(input).includes('/api/search')) {
          searches += 1;
          bodies.push(JSON.parse(String(init?.body)));
          options.beforeSearch?.(searches);
        }
        return fetch(input, init);
      },
    },
  });
  return { instance, bodies };
}

async function readAll(
  instance: ReturnType<typeof createShopwareAdapter>,
  conn: ChannelConnection,
  request: Partial<ReadRequest> = {},
) {
  const pages: CustomerPage[] = [];
  for await (const page of instance.readCustomers(conn, {
    since: null,
    emails: null,
    cursor: null,
    ...request,
  })) {
    pages.push(page);
  }
  const records = pages.flatMap((page) => [...page.customers, ...page.rejected]);
  return { pages, ids: records.map((record) => record.externalId as string), records };
}

describe('Shopware adapter', () => {
  it('reads every customer once, in change-time order, merging never-changed and changed customers', async () => {
    const sim = await simulator();
    const { instance, bodies } = adapter();
    const { pages, ids } = await readAll(instance, connection(sim));
    expect(ids).toHaveLength(sim.store.size);
    expect(new Set(ids)).toEqual(new Set(sim.store.list().map((customer) => customer.id)));
    // Pages come in change-time order (customers and rejected records of a page are listed separately).
    let previous = '';
    for (const page of pages) {
      const times = [...page.customers, ...page.rejected].map((record) => record.updatedAt as string).sort();
      expect((times[0] as string) >= previous).toBe(true);
      previous = times.at(-1) as string;
    }
    expect(sim.store.list().some((customer) => customer.updatedAt === null)).toBe(true);
    expect(bodies[0]).toMatchObject({
      limit: 20,
      page: 1,
      filter: [{ type: 'equals', field: 'updatedAt', value: null }],
      sort: [
        { field: 'createdAt', order: 'ASC' },
        { field: 'id', order: 'ASC' },
      ],
      associations: { addresses: { associations: { country: {} } } },
    });
  });

  it('reads groups of equal change times page by page when they are larger than the exclusion limit', async () => {
    const sim = await simulator({ customers: 80 });
    now = Date.parse('2025-06-30T20:00:00.000Z');
    const group = sim.store
      .list()
      .slice(10, 47)
      .map((customer) => customer.id);
    for (const id of group) sim.store.change(id, (customer) => (customer.title = 'Dr.'));
    now = T0;
    const { instance, bodies } = adapter({ maxExcludedIds: 5 });
    const { ids } = await readAll(instance, connection(sim, { pageSize: '7' }));
    expect(ids).toHaveLength(80);
    expect(new Set(ids).size).toBe(80);
    expect(bodies).toContainEqual(
      expect.objectContaining({
        'total-count-mode': 1,
        filter: expect.arrayContaining([
          { type: 'equals', field: 'updatedAt', value: '2025-06-30 20:00:00.000' },
        ]),
      }),
    );
  });

  it('loses no customer that changes while the read runs, and delivers it again with its new data', async () => {
    const sim = await simulator();
    const byChangeTime = sim.store
      .list()
      .sort((a, b) => (a.updatedAt ?? a.createdAt).localeCompare(b.updatedAt ?? b.createdAt));
    const early = byChangeTime.slice(0, 3).map((customer) => customer.id);
    const late = byChangeTime.slice(-40, -37).map((customer) => customer.id);
    const { instance } = adapter({
      beforeSearch: (n) => {
        if (n !== 4) return;
        now += 60_000;
        for (const id of [...early, ...late])
          sim.store.change(id, (customer) => (customer.lastName = `${customer.lastName}-neu`));
      },
    });
    const { ids, records } = await readAll(instance, connection(sim));
    expect(new Set(ids)).toEqual(new Set(sim.store.list().map((customer) => customer.id)));
    for (const id of [...early, ...late]) {
      const last = records.filter((record) => record.externalId === id).at(-1) as { lastName?: string };
      expect(last.lastName).toMatch(/-neu$/);
    }
  });

  it('re-reads a group of equal change times when a member leaves it during the read; nothing is lost', async () => {
    const sim = await simulator({ customers: 60 });
    now = Date.parse('2025-06-30T21:00:00.000Z');
    const group = sim.store
      .list()
      .slice(0, 30)
      .map((customer) => customer.id);
    for (const id of group) sim.store.change(id, (customer) => (customer.title = null));
    now = T0;
    let changedOne = false;
    const { instance, bodies } = adapter({
      maxExcludedIds: 2,
      beforeSearch: (n) => {
        const body = bodies[n - 1] as { page?: number; 'total-count-mode'?: number };
        if (!changedOne && body['total-count-mode'] === 1 && (body.page ?? 1) >= 2) {
          changedOne = true;
          sim.store.change(group[0] as string, (customer) => (customer.title = 'Prof.'));
        }
      },
    });
    const { ids } = await readAll(instance, connection(sim, { pageSize: '5' }));
    expect(changedOne).toBe(true);
    expect(new Set(ids)).toEqual(new Set(sim.store.list().map((customer) => customer.id)));
  });

  it('selects by Changed since: changed customers by updatedAt, never-changed ones by createdAt', async () => {
    const sim = await simulator();
    const since = new Date('2024-06-01T00:00:00.000Z');
    const { instance, bodies } = adapter();
    const { ids } = await readAll(instance, connection(sim), { since });
    const expected = sim.store
      .list()
      .filter((customer) => Date.parse(customer.updatedAt ?? customer.createdAt) >= since.getTime())
      .map((customer) => customer.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(expected));
    expect(ids).toHaveLength(expected.length);
    expect(bodies).toContainEqual(
      expect.objectContaining({
        filter: [{ type: 'range', field: 'updatedAt', parameters: { gte: '2024-06-01 00:00:00.000' } }],
      }),
    );
  });

  it('resumes from the cursor of a page', async () => {
    const sim = await simulator();
    const { instance } = adapter({ maxExcludedIds: 3 });
    const all = await readAll(instance, connection(sim));
    const third = all.pages[2] as CustomerPage;
    const rest = await readAll(instance, connection(sim), { cursor: third.cursor });
    const before = all.pages
      .slice(0, 3)
      .flatMap((page) => [...page.customers, ...page.rejected].map((r) => r.externalId));
    expect([...before, ...rest.ids]).toEqual(all.ids);
  });

  it('gets a new token when the old one expires during a read, and once more after a 401', async () => {
    const sim = await simulator();
    const { instance } = adapter({
      beforeSearch: (n) => {
        // Past the adapter's renewal point (30 s before expiry), not yet expired in the shop.
        if (n === 2) now += 580_000;
        if (n === 4) sim.revokeTokens();
      },
    });
    const { ids } = await readAll(instance, connection(sim));
    expect(ids).toHaveLength(sim.store.size);
    const tokenRequests = sim.requests.filter((request) => request.path === '/api/oauth/token');
    expect(tokenRequests).toHaveLength(3);
    expect(sim.requests.filter((request) => request.status === 401)).toHaveLength(1);
  });

  it('fails with CHANNEL_AUTH_FAILED for a wrong secret, without the secret in the message', async () => {
    const sim = await simulator();
    const { instance } = adapter();
    const read = readAll(instance, connection(sim, { clientSecret: 'wrong-secret-value' }));
    await expect(read).rejects.toMatchObject({ code: 'CHANNEL_AUTH_FAILED', kind: 'auth' });
    const error = (await read.catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain('Client authentication failed');
    expect(error.message).toContain('clientSecret');
    expect(error.message).not.toContain('wrong-secret-value');
  });

  it("shows Shopware's message when the page size exceeds the shop's max limit", async () => {
    const sim = await simulator({ maxLimit: 100 });
    const { instance } = adapter();
    await expect(readAll(instance, connection(sim, { pageSize: '200' }))).rejects.toMatchObject({
      code: 'CHANNEL_BAD_REQUEST',
      message: expect.stringContaining(
        'The limit must be lower than or equal to MAX_LIMIT(=100). Given: 200',
      ),
    });
  });

  it('reads only the customers of the configured sales channel', async () => {
    const sim = await simulator();
    const { instance } = adapter();
    const { ids } = await readAll(instance, connection(sim, { salesChannelId: SALES_CHANNELS.storefrontCh }));
    const expected = sim.store
      .list()
      .filter((customer) => customer.salesChannelId === SALES_CHANNELS.storefrontCh);
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(expected.map((customer) => customer.id)));
    const check = await instance.check(connection(sim, { salesChannelId: SALES_CHANNELS.storefrontCh }));
    expect(check).toMatchObject({ ok: true, customerCount: expected.length });
  });

  it('retries a shop in maintenance and goes on', async () => {
    const sim = await simulator({ failures: [{ path: '/api/search/customer', times: 2, status: 503 }] });
    const { instance } = adapter();
    const { ids } = await readAll(instance, connection(sim));
    expect(ids).toHaveLength(sim.store.size);
  });

  it('lists every id even when customers are deleted during the scan', async () => {
    const sim = await simulator();
    const order = sim.store
      .list()
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const deleted = order.slice(0, 5).map((customer) => customer.id);
    const { instance } = adapter({
      beforeSearch: (n) => {
        if (n === 3) for (const id of deleted) sim.store.delete(id);
      },
    });
    const listed: string[] = [];
    for await (const batch of instance.listIds?.(connection(sim)) ?? []) listed.push(...batch);
    const remaining = sim.store.list().map((customer) => customer.id);
    expect(remaining.every((id) => listed.includes(id))).toBe(true);
  });

  it('refuses a selection by e-mail, which Shopware channels do not offer', async () => {
    const sim = await simulator({ customers: 3 });
    const { instance } = adapter();
    expect(instance.capabilities.byEmail).toBe(false);
    await expect(readAll(instance, connection(sim), { emails: ['a@b.de'] })).rejects.toMatchObject({
      code: 'BY_EMAIL_UNSUPPORTED',
    });
  });
});
