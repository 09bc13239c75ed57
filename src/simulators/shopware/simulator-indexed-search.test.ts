/**
 * The indexed customer search answers exactly as the scan (filter and sort of every record) answers: the
 * adapter's keyset reads (after a time and the ids read at it, a group of equal times page by page, changed
 * since, sales channel, the never-changed and the changed stream) with random page sizes, with changes,
 * deletions and new customers in between, and other criteria that fall back to the scan.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  type Criteria,
  equals,
  equalsAny,
  type Filter,
  not,
  range,
} from '../../adapters/shopware/criteria.ts';
import { toStorageDate } from '../../adapters/shopware/shopware-dates.ts';
import type { ShopwareCustomer } from '../../adapters/shopware/shopware-types.ts';
import { BaseShop } from './base-shop.ts';
import { generateShop, timelineOf } from './seed.ts';
import { SALES_CHANNELS } from './simulator-catalog.ts';
import { parseCriteria } from './simulator-criteria.ts';
import { search } from './simulator-criteria-eval.ts';
import { ShopwareStore } from './simulator-store.ts';

const T0 = Date.parse('2025-07-01T00:00:00Z');

/** A generated shop (made when read), or the same customers loaded as objects (the overlay only). */
function shop(seed: number, loaded = false) {
  let now = new Date(T0);
  const store = new ShopwareStore(() => now);
  const options = { customers: 150, seed, brokenShare: 0.05, until: new Date(T0 - 86_400_000) };
  if (loaded) store.load(generateShop(options).customers);
  else store.loadGenerated(timelineOf(options));
  return { store, setNow: (ms: number) => (now = new Date(ms)) };
}

function same(store: ShopwareStore, body: Criteria): void {
  const criteria = parseCriteria(body, 'customer', null);
  const indexed = store.search(criteria);
  const scanned = search(store.snapshot() as unknown as Array<Record<string, unknown>>, criteria);
  expect(indexed.data.map((customer) => customer.id)).toEqual(scanned.data.map((record) => record.id));
  expect(indexed.total).toBe(scanned.total);
}

const timeOf = (customer: ShopwareCustomer, field: 'createdAt' | 'updatedAt') =>
  customer[field] === null ? null : toStorageDate(new Date(customer[field] as string));

type Step =
  | { kind: 'after'; pick: number; taken: number; limit: number }
  | { kind: 'group'; pick: number; page: number; limit: number }
  | { kind: 'change'; pick: number; sameTime: boolean }
  | { kind: 'delete'; pick: number }
  | { kind: 'create' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('after' as const),
      pick: fc.nat(),
      taken: fc.integer({ min: 0, max: 4 }),
      limit: fc.integer({ min: 1, max: 40 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('group' as const),
      pick: fc.nat(),
      page: fc.integer({ min: 1, max: 4 }),
      limit: fc.integer({ min: 1, max: 20 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('change' as const), pick: fc.nat(), sameTime: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('create' as const) }) },
);

describe('indexed customer search (Shopware)', () => {
  it("answers the adapter's keyset and group reads as the scan does, with changes in between", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        fc.constantFrom('fresh' as const, 'changed' as const, 'all' as const),
        fc.option(fc.integer({ min: -2000, max: 0 }), { nil: null }),
        fc.boolean(),
        fc.array(step, { maxLength: 50 }),
        (seed, loaded, streamKind, sinceDays, channel, steps) => {
          const { store, setNow } = shop(seed, loaded);
          let clock = T0;
          let created = 0;
          const field = streamKind === 'changed' ? 'updatedAt' : 'createdAt';
          const since = sinceDays === null ? null : toStorageDate(new Date(T0 + sinceDays * 86_400_000));
          const filters: Filter[] = channel ? [equals('salesChannelId', SALES_CHANNELS.storefront)] : [];
          if (streamKind === 'fresh')
            filters.push(equals('updatedAt', null), ...(since ? [range('createdAt', { gte: since })] : []));
          else if (streamKind === 'changed')
            filters.push(since ? range('updatedAt', { gte: since }) : not(equals('updatedAt', null)));
          else if (since) filters.push(range('createdAt', { gte: since }));
          for (const s of steps) {
            const all = store.snapshot();
            if (s.kind === 'after' || s.kind === 'group') {
              const at = all.length === 0 ? undefined : all[s.pick % all.length];
              const t = at ? timeOf(at, field) : null;
              if (s.kind === 'after') {
                const ids = all
                  .filter((c) => t !== null && timeOf(c, field) === t)
                  .map((c) => c.id)
                  .sort()
                  .slice(0, s.taken);
                const position: Filter[] =
                  t === null
                    ? []
                    : ids.length > 0
                      ? [range(field, { gte: t }), not(equalsAny('id', ids))]
                      : [range(field, { gt: t })];
                same(store, {
                  page: 1,
                  limit: s.limit,
                  filter: [...filters, ...position],
                  sort: [
                    { field, order: 'ASC' },
                    { field: 'id', order: 'ASC' },
                  ],
                  'total-count-mode': 0,
                });
              } else if (t !== null) {
                same(store, {
                  page: s.page,
                  limit: s.limit,
                  filter: [...filters, equals(field, t)],
                  sort: [{ field: 'id', order: 'ASC' }],
                  'total-count-mode': 1,
                });
              }
            } else if (s.kind === 'change' && all.length > 0) {
              if (!s.sameTime) clock += 1000;
              setNow(clock);
              store.change(
                (all[s.pick % all.length] as ShopwareCustomer).id,
                (c) => (c.lastName = `${c.lastName}-x`),
              );
            } else if (s.kind === 'delete' && all.length > 0)
              store.delete((all[s.pick % all.length] as ShopwareCustomer).id);
            else if (s.kind === 'create') {
              created += 1;
              store.create({
                email: `new${created}@example.org`,
                firstName: 'New',
                lastName: `Customer ${created}`,
                addresses: [
                  {
                    firstName: 'New',
                    lastName: 'Customer',
                    street: 'Hauptstr. 1',
                    zipcode: '10115',
                    city: 'Berlin',
                    country: 'DE',
                  },
                ],
              });
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it.each([false, true])(
    'answers other criteria (other sorts and ranges, count modes, offsets) as the scan does (loaded: %s)',
    (loaded) => {
      const { store } = shop(11, loaded);
      const times = store.snapshot().flatMap((c) => [timeOf(c, 'createdAt'), timeOf(c, 'updatedAt')]);
      const value = fc.constantFrom(
        ...times.filter((t): t is string => t !== null).slice(0, 20),
        'not a date',
      );
      const filter: fc.Arbitrary<Filter> = fc.oneof(
        fc
          .record({ field: fc.constantFrom('createdAt', 'updatedAt'), v: value })
          .map(({ field, v }) => equals(field, v)),
        fc
          .record({
            field: fc.constantFrom('createdAt', 'updatedAt', 'firstName'),
            gt: fc.option(value),
            lte: fc.option(value),
          })
          .map(({ field, gt, lte }) => range(field, { ...(gt ? { gt } : {}), ...(lte ? { lte } : {}) })),
        fc.constantFrom(
          equals('updatedAt', null),
          not(equals('updatedAt', null)),
          equals('active', true),
          equals('guest', false),
        ),
      );
      const sortField = fc.constantFrom('createdAt', 'updatedAt', 'lastName', 'id');
      fc.assert(
        fc.property(
          fc.array(filter, { maxLength: 3 }),
          fc.array(fc.record({ field: sortField, order: fc.constantFrom('ASC' as const, 'DESC' as const) }), {
            maxLength: 2,
          }),
          fc.boolean(),
          fc.integer({ min: 1, max: 5 }),
          fc.integer({ min: 1, max: 30 }),
          fc.constantFrom(0 as const, 1 as const, 2 as const),
          (filter, sorts, byId, page, limit, mode) => {
            const sort = byId ? [...sorts, { field: 'id', order: 'ASC' as const }] : sorts;
            same(store, { page, limit, filter, sort, 'total-count-mode': mode });
          },
        ),
        { numRuns: 400 },
      );
    },
  );

  it('reads by ids from the primary key, as the scan answers, making only the customers asked for', () => {
    const { store, setNow } = shop(5);
    const all = store.ids();
    store.delete(all[2] as string);
    setNow(T0 + 1000);
    store.change(all[3] as string, (c) => (c.lastName = 'Changed'));
    const unknown = 'f'.repeat(32);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: all.length - 1 }), { maxLength: 30 }),
        fc.boolean(),
        fc.option(
          fc.constantFrom(equals('guest', false), equals('salesChannelId', SALES_CHANNELS.storefront)),
          {
            nil: null,
          },
        ),
        fc.constantFrom(0 as const, 1 as const),
        (picks, withUnknown, filter, mode) => {
          // Duplicates, a deleted and an unknown id; ids in any case.
          const ids = picks.map((pick, index) =>
            index % 4 === 3 ? (all[pick] as string).toUpperCase() : (all[pick] as string),
          );
          if (withUnknown) ids.push(unknown);
          const body: Criteria = { ids, filter: filter ? [filter] : [], 'total-count-mode': mode };
          const made = vi.spyOn(BaseShop.prototype, 'customer');
          const scan = vi.spyOn(store, 'snapshot');
          store.search(parseCriteria(body, 'customer', null));
          expect(made.mock.calls.length).toBeLessThanOrEqual(ids.length);
          expect(scan).not.toHaveBeenCalled();
          made.mockRestore();
          scan.mockRestore();
          same(store, body);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('counts the pages of one search as the scan does, after address and customer writes', () => {
    const { store, setNow } = shop(9);
    const someone = store.snapshot()[10] as ShopwareCustomer;
    const address = someone.addresses?.[0];
    const city = address?.city as string;
    const body = (page: number): Criteria => ({
      page,
      limit: 2,
      filter: [equals('addresses.city', city), not(equals('updatedAt', null))],
      sort: [
        { field: 'createdAt', order: 'ASC' },
        { field: 'id', order: 'ASC' },
      ],
      'total-count-mode': 1,
    });
    for (const page of [1, 2, 1]) same(store, body(page));
    store.changeAddress(someone.id, address?.id as string, { city: 'Elsewhere' });
    for (const page of [1, 2]) same(store, body(page));
    setNow(T0 + 5000);
    store.change(someone.id, (c) => (c.lastName = 'Moved'));
    store.changeAddress(someone.id, address?.id as string, { city });
    for (const page of [1, 2]) same(store, body(page));
  });
});
