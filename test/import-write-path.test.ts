/**
 * The set-based write path of an import, end to end through runImport with a shop held in memory: a page is
 * written in a fixed handful of statements whatever its size, updates replace addresses and contacts exactly
 * (also with fewer or more of them), two records of a page linked to one partner update it once (the later
 * wins), and records read again unchanged cost their look-up and nothing else: no row is written for them
 * (the rows keep their xmin) and they get no log line.
 */
import { expect, it } from 'vitest';
import type { Adapter, CustomerPage } from '../src/adapters/adapter.ts';
import { createAdapterRegistry } from '../src/adapters/registry.ts';
import { ChannelService } from '../src/channels/channel-service.ts';
import type { ChannelCustomer } from '../src/domain/channel-customer.ts';
import { runImport } from '../src/import/import-service.ts';
import type { Db, Transaction } from '../src/storage/db.ts';
import { getRunLog } from '../src/storage/import-run-store.ts';
import { listPartners } from '../src/storage/partner-read-store.ts';
import { channelAddress, channelCustomer } from './support/channel-customers.ts';
import { importRequest } from './support/import-fixtures.ts';
import { describeEachDb } from './support/test-databases.ts';

/** A shop in memory: its customers, read in pages of `pageSize` in the order given. */
function memoryShop(pageSize: number) {
  const shop = { customers: [] as ChannelCustomer[] };
  const adapter: Adapter = {
    kind: 'memory',
    label: 'Memory shop',
    capabilities: {
      changedSince: false,
      byEmail: false,
      byId: false,
      deletions: 'none',
      channelTypes: ['b2c', 'b2b', 'b2b-b2c'],
      guests: true,
      alwaysBlocked: false,
      pageSize,
      requestsPerSecond: null,
    },
    settings: [],
    validateSettings: () => {},
    check: async () => ({ ok: true, message: 'memory', customerCount: shop.customers.length }),
    async *readCustomers(): AsyncIterable<CustomerPage> {
      for (let start = 0; start < shop.customers.length; start += pageSize) {
        const customers = shop.customers.slice(start, start + pageSize);
        yield { customers, rejected: [], deleted: [], cursor: String(start + customers.length) };
      }
    },
  };
  return { shop, adapters: createAdapterRegistry([adapter]) };
}

const address = (street: string) =>
  channelAddress({ street, postalCode: '10115', city: 'Berlin', country: 'DE' });

function customer(id: number, fields: Partial<ChannelCustomer> = {}): ChannelCustomer {
  return channelCustomer({
    externalId: String(id),
    updatedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, id)).toISOString(),
    email: `c${id}@example.com`,
    firstName: 'Kim',
    lastName: `Customer ${id}`,
    addresses: [address(`Weg ${id}`)],
    ...fields,
  });
}

/**
 * Records the statements of every transaction, and each statement outside one as a unit of its own; the
 * pages are the units that add a page to the run.
 */
function countingDb(db: Db) {
  const units: Array<{ transaction: boolean; statements: string[] }> = [];
  const wrapped: Db = {
    kind: db.kind,
    location: db.location,
    query: (sql, params) => {
      units.push({ transaction: false, statements: [sql] });
      return db.query(sql, params);
    },
    exec: (sql) => db.exec(sql),
    listen: (channel, onNotify) => db.listen(channel, onNotify),
    withSearchPath: (path) => db.withSearchPath(path),
    close: () => db.close(),
    transaction: (fn) =>
      db.transaction((tx) => {
        const statements: string[] = [];
        units.push({ transaction: true, statements });
        const counting: Transaction = {
          query: (sql, params) => {
            statements.push(sql);
            return tx.query(sql, params);
          },
          exec: (sql) => tx.exec(sql),
        };
        return fn(counting);
      }),
  };
  const recordsPage = (sql: string) => /read_count = read_count/.test(sql);
  const pages = () => units.filter((unit) => unit.statements.some(recordsPage));
  /** The statements outside transactions that look links up (find-links) or record a page. */
  const outside = () =>
    units
      .filter((unit) => !unit.transaction)
      .flatMap((unit) => unit.statements)
      .filter((sql) => recordsPage(sql) || /from unnest\(\$2::text\[\]\) as e\(external_id\)/.test(sql))
      .map((sql) => (recordsPage(sql) ? 'record page' : 'links'));
  return { db: wrapped, pages, outside, reset: () => units.splice(0) };
}

describeEachDb('The write path of an import', (getDb) => {
  const setUp = async (pageSize: number) => {
    const db = getDb();
    const { shop, adapters } = memoryShop(pageSize);
    await new ChannelService(db, adapters).add({
      name: 'memory',
      adapter: 'memory',
      type: 'b2b-b2c',
      url: 'https://memory.invalid',
      settings: {},
      customerApproval: true,
      pseudoPartnerNumber: null,
    });
    const run = () => runImport({ db, adapters }, importRequest('memory', { confirmAllWarnings: true }));
    return { db, shop, adapters, run };
  };

  it('writes a page in a few statements whatever its size', async () => {
    const { db, shop, adapters } = await setUp(500);
    shop.customers = Array.from({ length: 1000 }, (_, i) =>
      customer(i + 1, {
        addresses: [address(`Weg ${i}`), address(`Gasse ${i}`)],
        contacts: [{ name: `Contact ${i}`, function: null, email: null, phone: null }],
      }),
    );
    const counting = countingDb(db);
    const first = await runImport(
      { db: counting.db, adapters },
      importRequest('memory', { confirmAllWarnings: true }),
    );
    expect(first.counts).toMatchObject({ read: 1000, created: 1000, errors: 0 });
    // Two pages, each: links, e-mail owners, the write, the run's counts and log (the channel has no open
    // records for the page's imports to close).
    expect(counting.pages().map((unit) => [unit.transaction, unit.statements.length])).toEqual([
      [true, 4],
      [true, 4],
    ]);
    const partners = await listPartners(db);
    expect(partners).toHaveLength(1000);
    expect(partners.every((p) => p.addresses.length === 2 && p.contacts.length === 1)).toBe(true);
    expect(new Set(partners.map((p) => p.number)).size).toBe(1000);

    counting.reset();
    const again = await runImport(
      { db: counting.db, adapters },
      importRequest('memory', { confirmAllWarnings: true }),
    );
    expect(again.counts).toMatchObject({ read: 1000, unchanged: 1000, created: 0, updated: 0 });
    // Unchanged: the look-up of the links and the run's counts, nothing else; after a page that wrote nothing
    // else, without a transaction (no begin, no commit).
    expect(counting.pages().map((unit) => [unit.transaction, unit.statements.length])).toEqual([
      [true, 2],
      [false, 1],
    ]);
    expect(counting.outside()).toEqual(['links', 'record page']);
  });

  it('writes a changed page after unchanged ones in its transaction, as a page of its own', async () => {
    const { db, shop, adapters, run } = await setUp(10);
    shop.customers = Array.from({ length: 40 }, (_, i) => customer(i + 1));
    expect((await run()).counts).toMatchObject({ created: 40 });
    // Page 3 of 4 changes one customer, and page 4 brings a new one.
    shop.customers[24] = customer(25, { lastName: 'Changed', updatedAt: '2025-06-01T00:00:00.000Z' });
    shop.customers.push(customer(41));
    const counting = countingDb(db);
    const again = await runImport(
      { db: counting.db, adapters },
      importRequest('memory', { confirmAllWarnings: true }),
    );
    expect(again.counts).toMatchObject({ read: 41, unchanged: 39, updated: 1, created: 1, errors: 0 });
    // Page 1 in a transaction (no page before it), page 2 (after the unchanged page 1) without one; pages 3
    // and 5 were looked up outside first, would write, and were planned again and written in their
    // transactions; page 4 came after the changed page 3, so it went straight into one.
    expect(counting.pages().map((unit) => unit.transaction)).toEqual([true, false, true, true, true]);
    expect(counting.outside()).toEqual(['links', 'record page', 'links', 'links']);
    const partners = await listPartners(db);
    expect(partners).toHaveLength(41);
    expect(partners.find((p) => p.lastName === 'Changed')).toBeDefined();
    const runs = await db.query<{ cursor: string }>('select cursor from import_run order by id desc limit 1');
    expect(runs.rows[0]?.cursor).toBe('41');
  });

  it('numbers new partners in the order of the page', async () => {
    const { db, shop, run } = await setUp(3);
    shop.customers = [customer(5), customer(2), customer(9), customer(1)];
    await run();
    const numbers = (await listPartners(db)).map((p) => [p.links[0]?.externalId, p.number]);
    expect(numbers).toEqual([
      ['5', '100001'],
      ['2', '100002'],
      ['9', '100003'],
      ['1', '100004'],
    ]);
  });

  it('replaces addresses and contacts exactly, and writes nothing for unchanged records', async () => {
    const { db, shop, run } = await setUp(2);
    const contact = (name: string) => ({ name, function: 'Buyer', email: null, phone: null });
    shop.customers = [
      customer(1, { addresses: [address('A1'), address('A2'), address('A3')], contacts: [contact('K1')] }),
      customer(2, { addresses: [address('B1')] }),
      customer(3, { addresses: [address('C1'), address('C2')], contacts: [contact('K3')] }),
    ];
    await run();
    const rowVersions = () =>
      db.query<{ external_id: string; p: string; l: string; a: string | null }>(
        `select l.external_id, p.xmin::text as p, l.xmin::text as l,
           (select string_agg(a.xmin::text, ',' order by a.position) from partner_address a where a.partner_id = p.id) as a
         from channel_link l join partner p on p.id = l.partner_id order by l.external_id`,
      );
    const before = (await rowVersions()).rows;

    shop.customers = [
      customer(1, { lastName: 'Fewer', addresses: [address('A9')], contacts: [] }),
      customer(2, { addresses: [address('B1'), address('B2'), address('B3')], contacts: [contact('K2')] }),
      customer(3, { addresses: [address('C1'), address('C2')], contacts: [contact('K3')] }),
    ];
    const second = await run();
    expect(second.counts).toMatchObject({ read: 3, updated: 2, unchanged: 1, created: 0, errors: 0 });
    const byId = new Map((await listPartners(db)).map((p) => [p.links[0]?.externalId, p]));
    expect(byId.get('1')).toMatchObject({ lastName: 'Fewer', name: 'Kim Fewer', contacts: [] });
    expect(byId.get('1')?.addresses.map((a) => a.street)).toEqual(['A9']);
    expect(byId.get('2')?.addresses.map((a) => a.street)).toEqual(['B1', 'B2', 'B3']);
    expect(byId.get('2')?.contacts.map((c) => c.name)).toEqual(['K2']);
    expect(byId.get('3')?.addresses.map((a) => a.street)).toEqual(['C1', 'C2']);

    const after = (await rowVersions()).rows;
    const unchanged = (rows: typeof before) => rows.find((row) => row.external_id === '3');
    // No row of the unchanged record was written again (same row versions), and it got no log line.
    expect(unchanged(after)).toEqual(unchanged(before));
    expect(after.find((row) => row.external_id === '1')?.p).not.toBe(before[0]?.p);
    expect(await getRunLog(db, second.id)).toEqual([]);
  });

  it('updates a partner that two records of the page link to once, with the later record', async () => {
    const { db, shop, run } = await setUp(10);
    // The guest is linked to the partner of the registered customer with the same e-mail.
    shop.customers = [customer(1, { email: 'same@example.com' })];
    await run();
    shop.customers = [
      customer(1, { email: 'same@example.com' }),
      customer(2, { email: 'same@example.com', guest: true }),
    ];
    const linked = await run();
    expect(linked.counts).toMatchObject({ unchanged: 2, created: 0 });
    shop.customers = [
      customer(1, { email: 'same@example.com', lastName: 'Registered', addresses: [address('R1')] }),
      customer(2, {
        email: 'same@example.com',
        guest: true,
        lastName: 'Guest',
        addresses: [address('G1'), address('G2')],
      }),
    ];
    const both = await run();
    expect(both.counts).toMatchObject({ read: 2, updated: 2, errors: 0 });
    const partners = await listPartners(db);
    expect(partners).toHaveLength(1);
    expect(partners[0]).toMatchObject({ lastName: 'Guest' });
    expect(partners[0]?.addresses.map((a) => a.street)).toEqual(['G1', 'G2']);
    expect(partners[0]?.links.map((l) => l.externalId)).toEqual(['1', '2']);
  });
});
