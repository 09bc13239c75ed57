/**
 * KeysetIndex pages exactly as keysetPage (filter and sort of every entry) does: reading through with
 * random page sizes, a random changed-since, entries set (changed: new time), added and deleted between
 * pages, many of them at one time; and the sorted index under it keeps its order through merges.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type KeysetEntry, KeysetIndex, keysetPage } from './keyset.ts';
import { SortedIndex } from './sorted-index.ts';

type Op =
  | { kind: 'page'; size: number }
  | { kind: 'set'; key: number; time: number }
  | { kind: 'delete'; key: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('page' as const), size: fc.integer({ min: 1, max: 12 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      key: fc.integer({ min: 0, max: 60 }),
      // Few distinct times: many entries share one.
      time: fc.integer({ min: 0, max: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 60 }) }),
  },
);

describe('KeysetIndex', () => {
  it('pages as keysetPage does, with changes between pages', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 60 }), time: fc.integer({ min: 0, max: 8 }) })),
        fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
        fc.array(op, { maxLength: 80 }),
        (initial, since, ops) => {
          const index = new KeysetIndex<number>();
          const reference = new Map<string, KeysetEntry & { value: number }>();
          const set = (key: number, time: number) => {
            // The index's key is the store's (e.g. "c:<id>" for a customer), not the entry's id.
            const id = `id-${String(key).padStart(2, '0')}`;
            index.set(String(key), { time, id, value: key });
            reference.set(String(key), { time, id, value: key });
          };
          for (const { key, time } of initial) set(key, time);
          let after: KeysetEntry | null = null;
          for (const step of [...ops, { kind: 'page' as const, size: 200 }]) {
            if (step.kind === 'set') set(step.key, step.time);
            else if (step.kind === 'delete') {
              index.delete(String(step.key));
              reference.delete(String(step.key));
            } else {
              const page = index.page({ since, after, limit: step.size });
              const expected = keysetPage([...reference.values()], { since, after, limit: step.size });
              expect(page.map((e) => [e.time, e.id, e.value])).toEqual(
                expected.map((e) => [e.time, e.id, e.value]),
              );
              const last = page.at(-1);
              if (last) after = { time: last.time, id: last.id };
            }
          }
          expect(index.size).toBe(reference.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('filters with where as a filter before the page would', () => {
    const index = new KeysetIndex<number>();
    for (let n = 0; n < 50; n++) index.set(String(n), { time: n % 5, id: `c${n}`, value: n });
    const page = index.page({ since: 2, after: null, limit: 4, where: (e) => e.value % 2 === 0 });
    expect(page.map((e) => e.value)).toEqual([12, 2, 22, 32]);
  });

  it('reads the entries under given keys as a where on those keys does, without passing over the rest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 40 }), time: fc.integer({ min: 0, max: 6 }) })),
        fc.array(fc.integer({ min: -3, max: 45 }), { maxLength: 20 }),
        fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
        fc.option(fc.record({ time: fc.integer({ min: 0, max: 6 }), id: fc.integer({ min: 0, max: 40 }) }), {
          nil: null,
        }),
        fc.integer({ min: 1, max: 12 }),
        (entries, wanted, since, position, limit) => {
          const index = new KeysetIndex<number>();
          for (const { key, time } of entries)
            index.set(String(key), { time, id: `id-${String(key).padStart(2, '0')}`, value: key });
          if (entries[0]) index.delete(String(entries[0].key));
          const after = position && { time: position.time, id: `id-${String(position.id).padStart(2, '0')}` };
          const keys = new Set(wanted.map(String));
          const where = (entry: { value: number }) => entry.value % 3 !== 0;
          const scanned = index.page({
            since,
            after,
            limit,
            where: (e) => keys.has(String(e.value)) && where(e),
          });
          const records = vi.spyOn(SortedIndex.prototype, 'records');
          const byKeys = index.page({ since, after, limit, where, keys: wanted.map(String) });
          expect(records).not.toHaveBeenCalled();
          records.mockRestore();
          expect(byKeys).toEqual(scanned);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('SortedIndex', () => {
  it('keeps its order through batched adds and removes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 30 })), { maxLength: 100 }),
        (ops) => {
          const index = new SortedIndex<{ n: number }>((a, b) => a.n - b.n);
          const present: Array<{ n: number }> = [];
          for (const [add, n] of ops) {
            if (add || present.length === 0) {
              const record = { n };
              index.add(record);
              present.push(record);
            } else {
              const [record] = present.splice(n % present.length, 1);
              index.remove(record as { n: number });
            }
            if (n % 3 === 0)
              expect(index.records().map((r) => r.n)).toEqual(present.map((r) => r.n).sort((a, b) => a - b));
          }
          expect(index.size).toBe(present.length);
        },
      ),
    );
  });
});
