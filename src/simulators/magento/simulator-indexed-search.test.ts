/**
 * The indexed customer search answers exactly as the scan (filter and sort of the whole store) answers:
 * random searches of the shapes the adapter sends (keyset pages with random page sizes, changed since,
 * website, e-mails, the id scan, the count) and a few others, with changes, deletions and new customers
 * in between, on a shop where many customers share one updated_at. The shop is generated (customers made on
 * demand, seed.ts) with an overlay of changed customers (a seventh moved to website 2), so every search
 * merges both parts of the store.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { MagentoCustomer } from '../../adapters/magento/magento-types.ts';
import type { SearchCriteria, SearchFilter } from '../../adapters/magento/search-criteria.ts';
import { SortedIndex } from '../kit/sorted-index.ts';
import { GeneratedShop } from './seed.ts';
import { searchCustomers } from './simulator-search.ts';
import { MagentoStore } from './simulator-store.ts';

const T0 = Date.parse('2025-01-01T00:00:00Z');

function shop(seed: number) {
  let now = new Date(T0);
  const store = new MagentoStore({ clock: () => now, b2b: false });
  store.useGenerated(
    new GeneratedShop({ customers: 120, seed, brokenShare: 0.05, b2b: false, until: new Date(T0) }),
  );
  // A few customers in website 2, so that the website filter selects.
  for (const id of store.ids().filter((_, index) => index % 7 === 0))
    store.change(id, (c) => (c.website_id = 2));
  return { store, setNow: (ms: number) => (now = new Date(ms)) };
}

const ids = (result: { items: MagentoCustomer[] }) => result.items.map((customer) => customer.id);

/** The adapter's keyset page after the last customer of `previous` (as adapter.ts builds it). */
function keysetCriteria(
  after: MagentoCustomer | undefined,
  pageSize: number,
  extra: SearchFilter[][],
): SearchCriteria {
  const filterGroups = [...extra];
  if (after) {
    filterGroups.push([{ field: 'updated_at', value: after.updated_at as string, conditionType: 'gteq' }]);
    filterGroups.push([
      { field: 'updated_at', value: after.updated_at as string, conditionType: 'gt' },
      { field: 'entity_id', value: String(after.id), conditionType: 'gt' },
    ]);
  }
  return {
    filterGroups,
    sortOrders: [
      { field: 'updated_at', direction: 'ASC' },
      { field: 'entity_id', direction: 'ASC' },
    ],
    pageSize,
    currentPage: 1,
  };
}

type Step =
  | { kind: 'page'; size: number }
  | { kind: 'change'; pick: number; sameTime: boolean }
  | { kind: 'delete'; pick: number }
  | { kind: 'create' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('page' as const), size: fc.integer({ min: 1, max: 40 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('change' as const), pick: fc.nat(), sameTime: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('create' as const) }) },
);

const selection = fc.record({
  since: fc.option(fc.integer({ min: -400, max: 30 }), { nil: null }),
  website: fc.option(fc.constantFrom(1, 2, 3), { nil: null }),
});

/** Applies a change, deletion or creation (not a page); returns the clock after it. */
function apply(store: MagentoStore, s: Step, clock: number, setNow: (ms: number) => void): number {
  const all = store.ids();
  if (s.kind === 'change' && all.length > 0) {
    const next = s.sameTime ? clock : clock + 1000;
    setNow(next);
    store.change(all[s.pick % all.length] as number, (c) => (c.lastname = `${c.lastname}-x`));
    return next;
  }
  if (s.kind === 'delete' && all.length > 0) store.delete(all[s.pick % all.length] as number);
  else if (s.kind === 'create') {
    const n = (all.at(-1) ?? 0) + 1;
    store.create({ email: `new${n}@example.org`, firstname: 'New', lastname: `Customer ${n}` });
  }
  return clock;
}

describe('indexed customer search', () => {
  it('pages through as the scan does, with changes, deletions and new customers between pages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        selection,
        fc.array(step, { maxLength: 60 }),
        (seed, sel, steps) => {
          const { store, setNow } = shop(seed);
          let clock = T0;
          const extra: SearchFilter[][] = [];
          if (sel.since !== null) {
            const since = new Date(T0 + sel.since * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
            extra.push([{ field: 'updated_at', value: since, conditionType: 'gteq' }]);
          }
          if (sel.website !== null)
            extra.push([{ field: 'website_id', value: String(sel.website), conditionType: 'eq' }]);
          let last: MagentoCustomer | undefined;
          for (const s of [...steps, { kind: 'page' as const, size: 500 }]) {
            if (s.kind === 'page') {
              const criteria = keysetCriteria(last, s.size, extra);
              const indexed = store.search(criteria);
              const scanned = searchCustomers(store.snapshot(), criteria);
              expect(ids(indexed)).toEqual(ids(scanned));
              expect(indexed.totalCount).toBe(scanned.totalCount);
              last = indexed.items.at(-1) ?? last;
              continue;
            }
            clock = apply(store, s, clock, setNow);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  const filter = fc.oneof(
    fc.record({
      field: fc.constantFrom(
        'updated_at',
        'created_at',
        'entity_id',
        'website_id',
        'group_id',
        'email',
        'lastname',
      ),
      conditionType: fc.constantFrom(
        'eq',
        'gt',
        'gteq',
        'lt',
        'lteq',
        'from',
        'to',
        'neq',
        'like',
        'null',
        'notnull',
        undefined,
      ),
      value: fc.constantFrom('1', '2', '50', '2020-05-01 00:00:00', '2023-11-05 03:00:00', 'a%', undefined),
    }),
  );
  const criteria: fc.Arbitrary<SearchCriteria> = fc.record({
    filterGroups: fc.array(fc.array(filter, { minLength: 1, maxLength: 2 }), { maxLength: 3 }),
    sortOrders: fc.array(
      fc.record({
        field: fc.constantFrom('updated_at', 'entity_id', 'created_at', 'lastname'),
        direction: fc.constantFrom('ASC' as const, 'DESC' as const),
      }),
      { maxLength: 2 },
    ),
    pageSize: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    currentPage: fc.option(fc.integer({ min: -1, max: 8 }), { nil: undefined }),
  });

  it('answers any search (filters, sort orders, pages, past the last page) as the scan does', () => {
    const { store } = shop(7);
    fc.assert(
      fc.property(criteria, fc.constantFrom('empty' as const, 'last-page' as const), (c, past) => {
        const indexed = store.search(c, past);
        const scanned = searchCustomers(store.snapshot(), c, past);
        expect(ids(indexed)).toEqual(ids(scanned));
        expect(indexed.totalCount).toBe(scanned.totalCount);
      }),
      { numRuns: 500 },
    );
  });

  it('answers any search as the scan does after changes, deletions and new customers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(step, { maxLength: 30 }),
        fc.array(criteria, { minLength: 1, maxLength: 5 }),
        (seed, steps, searches) => {
          const { store, setNow } = shop(seed);
          let clock = T0;
          for (const s of steps) clock = apply(store, s, clock, setNow);
          for (const c of searches) {
            const indexed = store.search(c);
            const scanned = searchCustomers(store.snapshot(), c);
            expect(ids(indexed)).toEqual(ids(scanned));
            expect(indexed.totalCount).toBe(scanned.totalCount);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds customers by e-mail (any case, accents folded) and pages the id scan', () => {
    const { store } = shop(3);
    const some = store.list().slice(0, 5);
    const emails = some.map((c, index) =>
      index % 2 === 0 ? String(c.email).toUpperCase() : String(c.email),
    );
    const byEmail: SearchCriteria = {
      filterGroups: [[{ field: 'email', value: emails.join(','), conditionType: 'in' }]],
      sortOrders: [{ field: 'updated_at', direction: 'ASC' }],
      pageSize: 3,
      currentPage: 2,
    };
    expect(ids(store.search(byEmail))).toEqual(ids(searchCustomers(store.snapshot(), byEmail)));
    expect(store.search(byEmail).totalCount).toBe(5);
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const page = store.search({
        filterGroups: [[{ field: 'entity_id', value: String(after), conditionType: 'gt' }]],
        sortOrders: [{ field: 'entity_id', direction: 'ASC' }],
        pageSize: 17,
        currentPage: 1,
      });
      if (page.items.length === 0) break;
      seen.push(...ids(page).map(Number));
      after = seen.at(-1) as number;
    }
    expect(seen).toEqual(store.ids());
  });

  it('reads by id (entity_id in) from the primary key, as the scan answers, without reading an index or the store', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.integer({ min: -2, max: 140 }), { maxLength: 40 }),
        fc.option(fc.constantFrom('1', '2'), { nil: null }),
        fc.integer({ min: 1, max: 30 }),
        (seed, wanted, website, pageSize) => {
          const { store } = shop(seed);
          const all = store.ids();
          store.delete(all[3] as number);
          store.change(all[4] as number, (c) => (c.lastname = 'Changed'));
          // Duplicates, unknown and deleted ids, and numbers written as MySQL compares them.
          const values = wanted.map((id, index) => (index % 5 === 4 ? `${id}.0` : String(id)));
          const criteria: SearchCriteria = {
            filterGroups: [
              [{ field: 'entity_id', value: values.join(','), conditionType: 'in' }],
              ...(website === null ? [] : [[{ field: 'website_id', value: website, conditionType: 'eq' }]]),
            ],
            sortOrders: [{ field: 'entity_id', direction: 'ASC' }],
            pageSize,
            currentPage: 1,
          };
          const records = vi.spyOn(SortedIndex.prototype, 'records');
          const scan = vi.spyOn(store, 'snapshot');
          const indexed = store.search(criteria);
          expect(records).not.toHaveBeenCalled();
          expect(scan).not.toHaveBeenCalled();
          records.mockRestore();
          scan.mockRestore();
          const scanned = searchCustomers(store.snapshot(), criteria);
          expect(ids(indexed)).toEqual(ids(scanned));
          expect(indexed.totalCount).toBe(scanned.totalCount);
          expect(indexed.items.find((c) => c.id === all[4])?.lastname ?? 'Changed').toBe('Changed');
        },
      ),
      { numRuns: 80 },
    );
  });
});
