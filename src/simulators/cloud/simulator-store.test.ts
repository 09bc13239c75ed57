/**
 * CloudStore.changes (the flavours' paging on a sorted index) returns what a filter of every item in
 * (change time, id) order returns: random since, cursors (inside a group of equal times too), offsets and
 * limits, with items changed, added and deleted in between.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CloudStore, type StoredItem } from './simulator-store.ts';

function storeWith(items: Array<{ id: number; at: number }>, clock: () => Date) {
  const store = new CloudStore(
    {
      idOf: (raw) => String(raw.id),
      stamp: (raw, date) => {
        raw.at = Math.floor(date.getTime() / 1000) * 1000;
        return raw.at as number;
      },
    },
    clock,
  );
  store.load(items.map(({ id, at }) => ({ raw: { id, at: at * 1000 }, at: at * 1000 })));
  return store;
}

/** The reference: every item sorted as the store sorts, then filtered as the modern flavour filtered. */
function reference(
  items: readonly StoredItem[],
  options: { since: number | null; after: { at: number; id: string } | null; offset: number; limit: number },
) {
  const { since, after, offset, limit } = options;
  const fromSince = items.filter((item) => since === null || item.at >= since);
  const selected = fromSince.filter(
    (item) => after === null || item.at > after.at || (item.at === after.at && item.id > after.id),
  );
  return { items: selected.slice(offset, offset + limit), total: fromSince.length };
}

describe('CloudStore.changes', () => {
  it('pages as a filter of all items does, with changes in between', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ id: fc.integer({ min: 1, max: 200 }), at: fc.integer({ min: 0, max: 6 }) }),
          {
            selector: (item) => item.id,
            maxLength: 60,
          },
        ),
        fc.array(
          fc.record({
            change: fc.option(fc.nat(), { nil: null }),
            since: fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }),
            cursor: fc.option(fc.nat(), { nil: null }),
            offset: fc.integer({ min: 0, max: 5 }),
            limit: fc.integer({ min: 1, max: 15 }),
          }),
          { maxLength: 30 },
        ),
        (initial, steps) => {
          let now = 3_000;
          const store = storeWith(initial, () => new Date(now));
          for (const step of steps) {
            const all = store.byChangeTime();
            if (step.change !== null && all.length > 0) {
              now += step.change % 2 === 0 ? 0 : 1000;
              const item = all[step.change % all.length] as StoredItem;
              if (step.change % 5 === 0) store.delete(item.id);
              else store.change(item.id, () => {});
            }
            const items = store.byChangeTime();
            expect(items.map((item) => item.id)).toEqual(
              [...items].sort((a, b) => a.at - b.at || Number(a.id) - Number(b.id)).map((item) => item.id),
            );
            const at = step.cursor === null || items.length === 0 ? null : items[step.cursor % items.length];
            const options = {
              since: step.since === null ? null : step.since * 1000,
              after: at ? { at: at.at, id: at.id } : null,
              offset: step.offset,
              limit: step.limit,
            };
            const got = store.changes(options);
            const expected = reference(items, options);
            expect(got.items.map((item) => item.id)).toEqual(expected.items.map((item) => item.id));
            expect(got.total).toBe(expected.total);
          }
          expect(store.byId().map((item) => Number(item.id))).toEqual(
            [...store.byChangeTime()].map((item) => Number(item.id)).sort((a, b) => a - b),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
