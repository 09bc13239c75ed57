import { describe, expect, it } from 'vitest';
import {
  collect,
  connection,
  idsOf,
  read,
  searchRequests,
  useAdapterTest,
} from '../../../test/support/magento-simulator.ts';
import type { ChannelCustomer } from '../../domain/channel-customer.ts';
import { AuthError } from '../../domain/errors.ts';
import type { CustomerPage } from '../adapter.ts';
import { magentoAdapter } from './adapter.ts';
import { magentoDateToIso } from './magento-dates.ts';

const { start, adapter } = useAdapterTest();

const sortKey = (c: { updatedAt: string; externalId: string }) =>
  `${c.updatedAt}|${c.externalId.padStart(10, '0')}`;

describe('reading customers', () => {
  it('reads every customer once, in ascending (updated_at, id) order, with keyset requests for page 1', async () => {
    const sim = await start({ brokenShare: 0.05 });
    const pages = await collect(adapter.readCustomers(connection(sim), read()));
    const ids = idsOf(pages);
    const rejected = pages.flatMap((page) => page.rejected);
    expect(ids.length + rejected.length).toBe(sim.store.size);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rejected.length).toBe(Math.round(sim.store.size * 0.05));
    const keys = pages.flatMap((page) => page.customers.map(sortKey));
    expect(keys).toEqual([...keys].sort());
    // 57 customers with 10 per page: 6 pages, the last one short ends the read.
    expect(pages).toHaveLength(6);
    const requests = searchRequests(sim);
    expect(requests).toHaveLength(6);
    expect(
      requests.every(
        (r) =>
          r.path === '/rest/all/V1/customers/search' && r.query.includes('searchCriteria[currentPage]=1'),
      ),
    ).toBe(true);
    expect(requests[0]?.query).toBe(
      'searchCriteria[sortOrders][0][field]=updated_at&searchCriteria[sortOrders][0][direction]=ASC&' +
        'searchCriteria[sortOrders][1][field]=entity_id&searchCriteria[sortOrders][1][direction]=ASC&' +
        'searchCriteria[pageSize]=10&searchCriteria[currentPage]=1',
    );
    const last = pages[0]?.cursor?.split('|') ?? [];
    expect(requests[1]?.query).toContain(
      `searchCriteria[filter_groups][0][filters][0][field]=updated_at&searchCriteria[filter_groups][0][filters][0][value]=${last[1]}&searchCriteria[filter_groups][0][filters][0][condition_type]=gteq`,
    );
    expect(requests[1]?.query).toContain(
      `[filters][1][field]=entity_id&searchCriteria[filter_groups][1][filters][1][value]=${last[2]}`,
    );
    expect(requests.every((r) => r.authorization === `Bearer ${sim.token}`)).toBe(true);
  });

  it('misses no customer while another task changes customers during the read', async () => {
    let now = new Date('2025-08-01T10:00:00Z');
    const sim = await start({ customers: 80, clock: () => now });
    const seen = new Map<string, ChannelCustomer[]>();
    const readBeforeChange = new Set<string>();
    let page = 0;
    let notYetReadChanged: number[] = [];
    for await (const current of adapter.readCustomers(connection(sim), read())) {
      for (const customer of current.customers)
        seen.set(customer.externalId, [...(seen.get(customer.externalId) ?? []), customer]);
      page += 1;
      if (page === 2) {
        // Between pages: change two customers already read, two not read yet, and register a new one.
        const all = sim.store.list();
        const read = all.filter((c) => seen.has(String(c.id))).slice(0, 2);
        const unread = all.filter((c) => !seen.has(String(c.id))).slice(0, 2);
        notYetReadChanged = unread.map((c) => c.id as number);
        for (const c of read) readBeforeChange.add(String(c.id));
        now = new Date(now.getTime() + 1_000);
        for (const c of [...read, ...unread])
          sim.store.change(c.id as number, (draft) => {
            draft.lastname = `${draft.lastname}-changed`;
          });
        sim.store.create({ email: 'neu@example.de', firstname: 'Neu', lastname: 'Kunde' });
      }
    }
    const final = sim.store.list();
    expect(seen.size).toBe(final.length);
    for (const customer of final) {
      const versions = seen.get(String(customer.id)) ?? [];
      expect(versions.length, `customer ${customer.id}`).toBeGreaterThan(0);
      // The last version read is the shop's current one.
      expect(versions.at(-1)?.lastName).toBe(customer.lastname);
      expect(versions.at(-1)?.updatedAt).toBe(magentoDateToIso(customer.updated_at as string));
      const expectedReads = readBeforeChange.has(String(customer.id)) ? 2 : 1;
      expect(versions.length, `customer ${customer.id}`).toBe(expectedReads);
    }
    for (const id of notYetReadChanged) expect(seen.get(String(id))?.[0]?.lastName).toMatch(/-changed$/);
  });

  it('would lose customers with offset paging in the same situation (why the adapter uses keyset paging)', async () => {
    let now = new Date('2025-08-01T10:00:00Z');
    const sim = await start({ customers: 30, clock: () => now });
    const seen = new Set<number>();
    const headers = { authorization: `Bearer ${sim.token}` };
    for (let page = 1; ; page++) {
      const query = `searchCriteria[sortOrders][0][field]=updated_at&searchCriteria[sortOrders][0][direction]=ASC&searchCriteria[pageSize]=10&searchCriteria[currentPage]=${page}`;
      const body = (await (
        await fetch(`${sim.url}/rest/V1/customers/search?${query}`, { headers })
      ).json()) as { items: Array<{ id: number }> };
      for (const item of body.items) seen.add(item.id);
      if (page === 1) {
        now = new Date(now.getTime() + 1_000);
        for (const item of body.items.slice(0, 3)) sim.store.change(item.id, () => {});
      }
      if (body.items.length < 10) break;
    }
    expect(seen.size).toBeLessThan(sim.store.size);
  });

  it('reads only customers changed since the given instant (inclusive)', async () => {
    const sim = await start();
    const all = sim.store.list();
    const sorted = all.map((c) => magentoDateToIso(c.updated_at as string) as string).sort();
    const since = new Date(sorted[30] as string);
    const pages = await collect(adapter.readCustomers(connection(sim), read({ since })));
    const expected = all
      .filter((c) => (magentoDateToIso(c.updated_at as string) as string) >= since.toISOString())
      .map((c) => String(c.id));
    expect(idsOf(pages).sort()).toEqual(expected.sort());
    expect(searchRequests(sim)[0]?.query).toContain(
      `[field]=updated_at&searchCriteria[filter_groups][0][filters][0][value]=${sorted[30]?.slice(0, 19).replace('T', ' ')}`,
    );
  });

  it('reads only the given e-mails, ignoring case, blanks and repeats', async () => {
    const sim = await start();
    const [a, b] = sim.store.list();
    const emails = [
      ` ${a?.email?.toUpperCase()} `,
      b?.email as string,
      b?.email as string,
      'nobody@example.com',
      '',
    ];
    const pages = await collect(adapter.readCustomers(connection(sim), read({ emails })));
    expect(idsOf(pages).sort()).toEqual([String(a?.id), String(b?.id)].sort());
    expect(searchRequests(sim)[0]?.query).toContain(
      `[value]=${a?.email?.toUpperCase()},${b?.email},nobody@example.com&`,
    );
    expect(await collect(adapter.readCustomers(connection(sim), read({ emails: [] })))).toEqual([]);
  });

  it('resumes after a cursor', async () => {
    const sim = await start();
    const full = idsOf(await collect(adapter.readCustomers(connection(sim), read())));
    const firstTwo: CustomerPage[] = [];
    for await (const page of adapter.readCustomers(connection(sim), read())) {
      firstTwo.push(page);
      if (firstTwo.length === 2) break;
    }
    const rest = await collect(
      adapter.readCustomers(connection(sim), read({ cursor: firstTwo[1]?.cursor ?? null })),
    );
    expect([...idsOf(firstTwo), ...idsOf(rest)]).toEqual(full);
    await expect(
      collect(adapter.readCustomers(connection(sim), read({ cursor: 'nonsense' }))),
    ).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
  });

  it('filters on the website when configured', async () => {
    const sim = await start();
    const first = sim.store.list()[0]?.id as number;
    sim.store.change(first, (draft) => {
      draft.website_id = 2;
    });
    const pages = await collect(adapter.readCustomers(connection(sim, { websiteId: '2' }), read()));
    expect(idsOf(pages)).toEqual([String(first)]);
  });

  it('looks up Adobe Commerce B2B companies once per company', async () => {
    const sim = await start({ b2b: true, customers: 120 });
    const users = sim.store
      .list()
      .filter((c) => (c.extension_attributes?.company_attributes?.company_id ?? 0) > 0);
    expect(users.length).toBeGreaterThan(0);
    const pages = await collect(
      adapter.readCustomers(connection(sim, { b2bCompanies: 'true', pageSize: '50' }), read()),
    );
    const byId = new Map(pages.flatMap((p) => p.customers).map((c) => [c.externalId, c]));
    for (const user of users) {
      const company = sim.store.getCompany(
        user.extension_attributes?.company_attributes?.company_id as number,
      );
      expect(byId.get(String(user.id))).toMatchObject({
        company: company?.company_name,
        contacts: [expect.objectContaining({ email: user.email })],
      });
    }
    const lookups = sim.requests.filter((r) => r.path.includes('/V1/company/'));
    expect(lookups).toHaveLength(new Set(lookups.map((r) => r.path)).size);
    expect(lookups.length).toBe(users.length);
  });
});

describe('check', () => {
  it('connects and counts the customers', async () => {
    const sim = await start({ customers: 1234 });
    expect(await magentoAdapter.check(connection(sim))).toEqual({
      ok: true,
      message: `Connected to ${new URL(sim.url).host}: 1,234 customers.`,
      customerCount: 1234,
    });
    expect(searchRequests(sim).at(-1)?.query).toBe(
      'searchCriteria[pageSize]=1&searchCriteria[currentPage]=1',
    );
    await expect(adapter.check({ url: sim.url, settings: { token: 'bad-token' } })).rejects.toBeInstanceOf(
      AuthError,
    );
    await expect(adapter.check({ url: sim.url, settings: {} })).rejects.toMatchObject({
      code: 'SETTING_MISSING',
    });
  });

  it('declares its capabilities and settings as data', () => {
    expect(magentoAdapter.kind).toBe('magento');
    expect(magentoAdapter.capabilities).toMatchObject({
      changedSince: true,
      byEmail: true,
      deletions: 'id-scan',
      guests: false,
    });
    expect(magentoAdapter.settings.find((s) => s.key === 'token')).toMatchObject({
      type: 'secret',
      required: true,
    });
  });
});
