/**
 * Keyset paging as the simulated systems do it: entries ordered by (instant, id), an optional inclusive lower
 * bound on the instant, and the page after a position. A changed entry moves behind a reader's position
 * and comes again, instead of shifting every later entry as offset paging would.
 */
import { SortedIndex } from './sorted-index.ts';

export interface KeysetEntry {
  /** The entry's change instant, ms since the epoch. */
  time: number;
  id: string;
}

export function compareKeys(a: KeysetEntry, b: KeysetEntry): number {
  if (a.time !== b.time) return a.time - b.time;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The first `limit` entries changed at or after `since` and after the position `after`, in key order, by a
 * filter and sort of them all: the reference that `KeysetIndex` (the simulators' paging) must agree with.
 */
export function keysetPage<Entry extends KeysetEntry>(
  entries: readonly Entry[],
  options: { since: number | null; after: KeysetEntry | null; limit: number },
): Entry[] {
  const { since, after, limit } = options;
  return entries
    .filter(
      (entry) => (since === null || entry.time >= since) && (after === null || compareKeys(entry, after) > 0),
    )
    .sort(compareKeys)
    .slice(0, limit);
}

/** An entry of a `KeysetIndex`: its key and what it stands for. */
export interface KeyedEntry<
  Value,
  Time extends number | string = number,
  Id extends number | string = string,
> {
  time: Time;
  /** Ties of time by id: as text, or as numbers for numeric ids. */
  id: Id;
  value: Value;
}

function compareEntries<Time extends number | string, Id extends number | string>(
  a: { time: Time; id: Id },
  b: { time: Time; id: Id },
): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Keyset paging on a sorted index: the same pages as `keysetPage`, in O(log N + page size). Entries are
 * set and deleted under a key of the store's choosing (a customer and a tombstone of one id may be two);
 * setting a key again replaces its entry (a change moves it to its new change time).
 */
export class KeysetIndex<Value, Time extends number | string = number, Id extends number | string = string> {
  private readonly byKey = new Map<string, KeyedEntry<Value, Time, Id>>();
  private readonly sorted = new SortedIndex<KeyedEntry<Value, Time, Id>>(compareEntries);

  set(key: string, entry: KeyedEntry<Value, Time, Id>): void {
    const old = this.byKey.get(key);
    if (old) this.sorted.remove(old);
    const stored = { ...entry };
    this.byKey.set(key, stored);
    this.sorted.add(stored);
  }

  delete(key: string): void {
    const old = this.byKey.get(key);
    if (!old) return;
    this.sorted.remove(old);
    this.byKey.delete(key);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Every entry in key order (only for reading). */
  entries(): readonly KeyedEntry<Value, Time, Id>[] {
    return this.sorted.records();
  }

  /**
   * The first `limit` entries changed at or after `since`, after the position `after` and (if given)
   * accepted by `where`, in key order. `where` skips entries one by one: for filters that pass most entries.
   * `keys`: only the entries under these keys (a read by id), looked up instead of passed over.
   */
  page(options: {
    since: Time | null;
    after: { time: Time; id: Id } | null;
    limit: number;
    where?: (entry: KeyedEntry<Value, Time, Id>) => boolean;
    keys?: Iterable<string>;
  }): Array<KeyedEntry<Value, Time, Id>> {
    const { since, after, limit, where, keys } = options;
    if (keys !== undefined) {
      const chosen = new Set<KeyedEntry<Value, Time, Id>>();
      for (const key of keys) {
        const entry = this.byKey.get(key);
        if (entry) chosen.add(entry);
      }
      return [...chosen]
        .filter(
          (entry) =>
            (since === null || entry.time >= since) &&
            (after === null || compareEntries(entry, after) > 0) &&
            (!where || where(entry)),
        )
        .sort(compareEntries)
        .slice(0, limit);
    }
    const records = this.sorted.records();
    let start = 0;
    if (since !== null) start = this.sorted.lowerBound((entry) => entry.time < since);
    if (after !== null)
      start = Math.max(
        start,
        this.sorted.lowerBound((entry) => compareEntries(entry, after) <= 0),
      );
    const page: Array<KeyedEntry<Value, Time, Id>> = [];
    for (let i = start; i < records.length && page.length < limit; i++) {
      const entry = records[i] as KeyedEntry<Value, Time, Id>;
      if (!where || where(entry)) page.push(entry);
    }
    return page;
  }
}
