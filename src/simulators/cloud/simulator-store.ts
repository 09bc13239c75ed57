/**
 * The cloud simulator's data: items in the flavour's own JSON, each with its id and change time (ms) for
 * sorting. Every change stamps the simulator's clock into the item the way the flavour writes it.
 */
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

export class CloudStore {
  private readonly items = new Map<string, StoredItem>();

  constructor(
    private readonly flavour: ItemStamp,
    private readonly clock: () => Date,
  ) {}

  load(items: Array<{ raw: Record<string, unknown>; at: number }>): void {
    for (const { raw, at } of items)
      this.items.set(this.flavour.idOf(raw), { id: this.flavour.idOf(raw), at, raw });
  }

  get size(): number {
    return this.items.size;
  }

  /** Items in (change time, id) order; not copied: read only. */
  byChangeTime(): StoredItem[] {
    return [...this.items.values()].sort((a, b) => a.at - b.at || compareIds(a.id, b.id));
  }

  /** Items in id order; not copied: read only. */
  byId(): StoredItem[] {
    return [...this.items.values()].sort((a, b) => compareIds(a.id, b.id));
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
    this.items.set(id, { id, at, raw });
    return structuredClone(raw);
  }

  /** Adds an item now (its id must be new). */
  add(raw: Record<string, unknown>): void {
    const at = this.flavour.stamp(raw, this.clock());
    this.items.set(this.flavour.idOf(raw), { id: this.flavour.idOf(raw), at, raw });
  }

  /** Deletes an item; the API forgets it without a trace. */
  delete(id: string): boolean {
    return this.items.delete(id);
  }
}

/** Numeric ids by value, others as text. */
function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
