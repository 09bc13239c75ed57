/**
 * A sorted index of a simulator's records, so that a page costs O(log N + page size) instead of a filter
 * and sort of the whole store: records in the order of `compare`, found by binary search.
 *
 * Changes are cheap and batched: `add` and `remove` only note the record; the next read merges them in
 * (O(N + k log k) for k changes), so changing 10,000 customers and then reading costs one merge, not
 * 10,000. A record is identified by the object itself: a store that changes a record puts a new object
 * (remove the old one, add the new one) and never changes an indexed object in place.
 */
export class SortedIndex<T> {
  private sorted: T[] = [];
  private added: T[] = [];
  private removed = new Set<T>();

  constructor(private readonly compare: (a: T, b: T) => number) {}

  /** Replaces the content with `records` (any order). */
  reset(records: Iterable<T>): void {
    this.sorted = [...records].sort(this.compare);
    this.added = [];
    this.removed.clear();
  }

  add(record: T): void {
    this.added.push(record);
  }

  /** Removes a record that is in the index (the same object that was added). */
  remove(record: T): void {
    this.removed.add(record);
  }

  get size(): number {
    return this.records().length;
  }

  /** The records in order (the index's own array: only for reading). */
  records(): readonly T[] {
    if (this.added.length > 0 || this.removed.size > 0) this.merge();
    return this.sorted;
  }

  /**
   * The first position whose record is not `before` the bound: `before` must be true for a prefix of the
   * order and false after it (e.g. "key < k" for the first key >= k).
   */
  lowerBound(before: (record: T) => boolean): number {
    const records = this.records();
    let low = 0;
    let high = records.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(records[middle] as T)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private merge(): void {
    const removed = this.removed;
    const keep = (record: T) => !removed.has(record);
    const old = removed.size > 0 ? this.sorted.filter(keep) : this.sorted;
    const added = (removed.size > 0 ? this.added.filter(keep) : this.added).sort(this.compare);
    const merged: T[] = new Array(old.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < old.length && j < added.length) {
      merged[k++] = this.compare(added[j] as T, old[i] as T) < 0 ? (added[j++] as T) : (old[i++] as T);
    }
    while (i < old.length) merged[k++] = old[i++] as T;
    while (j < added.length) merged[k++] = added[j++] as T;
    this.sorted = merged;
    this.added = [];
    this.removed = new Set();
  }
}
