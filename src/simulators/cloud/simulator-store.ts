/**
 * The cloud simulator's data: items in the flavour's own JSON, each with its id and change time (ms) for
 * sorting. Every change stamps the simulator's clock into the item the way the flavour writes it.
 */
import { SortedIndex } from '../kit/sorted-index.ts';

export interface StoredItem {
  id: string;
  /** Change time in ms (the flavour's precision). */
  at: number;
  raw: Record<string, unknown>;
}

export interface ItemStamp {
  idOf(raw: Record<string, unknown>): string;
  /** Writes the change time into the item; returns it in ms as the flavour keeps it. */
  stamp(raw: Record<string, unknown>, date: Date): number;
}

/** What a flavour's list reads: the items by change time (from a sorted index) and by id. */
export interface CloudItems {
  /**
   * Items in (change time, id) order changed at or after `since` and (if given) after the cursor (a later
   * time, or the same time and a greater id as text), from `offset` on, at most `limit`; `total`: how many
   * are changed at or after `since` (cursor and offset aside).
   */
  changes(options: {
    since: number | null;
    after: { at: number; id: string } | null;
    offset: number;
    limit: number;
  }): { items: StoredItem[]; total: number };
  /** Items in id order; not copied: read only. */
  byId(): readonly StoredItem[];
}

export class CloudStore implements CloudItems {
  private readonly items = new Map<string, StoredItem>();
  private readonly changeOrder = new SortedIndex<StoredItem>((a, b) => a.at - b.at || compareIds(a.id, b.id));
  private readonly idOrder = new SortedIndex<StoredItem>((a, b) => compareIds(a.id, b.id));

  constructor(
    private readonly flavour: ItemStamp,
    private readonly clock: () => Date,
  ) {}

  load(items: Array<{ raw: Record<string, unknown>; at: number }>): void {
    for (const { raw, at } of items) this.put({ id: this.flavour.idOf(raw), at, raw });
  }

  get size(): number {
    return this.items.size;
  }

  /** Items in (change time, id) order; not copied: read only. */
  byChangeTime(): readonly StoredItem[] {
    return this.changeOrder.records();
  }

  byId(): readonly StoredItem[] {
    return this.idOrder.records();
  }

  changes(options: {
    since: number | null;
    after: { at: number; id: string } | null;
    offset: number;
    limit: number;
  }): { items: StoredItem[]; total: number } {
    const { since, after, offset, limit } = options;
    const records = this.changeOrder.records();
    const from = since === null ? 0 : this.changeOrder.lowerBound((item) => item.at < since);
    let candidates: StoredItem[];
    if (after === null) candidates = records.slice(from + offset, from + offset + limit);
    else {
      // The cursor's time group is checked item by item (ids compare as text there), the rest follows.
      const group = Math.max(
        from,
        this.changeOrder.lowerBound((item) => item.at < after.at),
      );
      const later = Math.max(
        from,
        this.changeOrder.lowerBound((item) => item.at <= after.at),
      );
      const inGroup = records.slice(group, later).filter((item) => item.id > after.id);
      const wanted = offset + limit;
      candidates = [...inGroup, ...records.slice(later, later + Math.max(0, wanted - inGroup.length))].slice(
        offset,
        wanted,
      );
    }
    return { items: candidates, total: records.length - from };
  }

  /** Copies of the items in id order, in the flavour's JSON. */
  list(): Record<string, unknown>[] {
    return this.byId().map((item) => structuredClone(item.raw));
  }

  get(id: string): Record<string, unknown> | undefined {
    const item = this.items.get(id);
    return item ? structuredClone(item.raw) : undefined;
  }

  /** Changes an item now: `change` edits a copy, the change time becomes the clock's. */
  change(id: string, change: (raw: Record<string, unknown>) => void): Record<string, unknown> {
    const item = this.items.get(id);
    if (!item) throw new Error(`No customer ${id}.`);
    const raw = structuredClone(item.raw);
    change(raw);
    const at = this.flavour.stamp(raw, this.clock());
    this.put({ id, at, raw });
    return structuredClone(raw);
  }

  /** Adds an item now (its id must be new). */
  add(raw: Record<string, unknown>): void {
    const at = this.flavour.stamp(raw, this.clock());
    this.put({ id: this.flavour.idOf(raw), at, raw });
  }

  /** Deletes an item; the API forgets it without a trace. */
  delete(id: string): boolean {
    const existing = this.items.get(id);
    if (existing) {
      this.changeOrder.remove(existing);
      this.idOrder.remove(existing);
    }
    return this.items.delete(id);
  }

  private put(item: StoredItem): void {
    const existing = this.items.get(item.id);
    if (existing) {
      this.changeOrder.remove(existing);
      this.idOrder.remove(existing);
    }
    this.items.set(item.id, item);
    this.changeOrder.add(item);
    this.idOrder.add(item);
  }
}

/** Numeric ids by value, others as text. */
function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
