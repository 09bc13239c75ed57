/**
 * The Retail POS simulator's data: the head office's customers (modifiedAt kept as an instant with
 * milliseconds, as the head office keeps it) and its tombstones of deleted or anonymized customers. Any
 * change of a customer or its cards moves modifiedAt; deleting or anonymizing leaves a tombstone.
 */
import type { PosCustomer, PosDeletedCustomer } from '../../adapters/retail-pos/pos-types.ts';
import { type KeyedEntry, KeysetIndex } from '../kit/keyset.ts';
import type { StoredPosCustomer } from './seed.ts';

/** What the customers feed holds: a customer or a tombstone, by (change instant, customerId). */
export type FeedItem = { stored: StoredPosCustomer } | { tombstone: PosDeletedCustomer };

export class PosStore {
  private readonly customers = new Map<string, StoredPosCustomer>();
  private readonly tombstones = new Map<string, PosDeletedCustomer>();
  /** The feed's sorted index, kept with every change. */
  private readonly feed = new KeysetIndex<FeedItem>();

  constructor(private readonly clock: () => Date) {}

  load(customers: readonly StoredPosCustomer[], deleted: readonly PosDeletedCustomer[]): void {
    for (const customer of customers) this.putCustomer(structuredClone(customer));
    for (const tombstone of deleted) this.putTombstone({ ...tombstone });
  }

  /** A page of the feed (customers and tombstones) in (change instant, customerId) order. */
  feedPage(options: {
    since: number | null;
    after: { time: number; id: string } | null;
    limit: number;
    /** Only the customers and tombstones of these customerIds (the read by id: `ids`), by key. */
    ids?: ReadonlySet<string> | null;
  }): Array<KeyedEntry<FeedItem>> {
    const { ids, ...page } = options;
    if (!ids) return this.feed.page(page);
    return this.feed.page({ ...page, keys: [...ids].flatMap((id) => [`c:${id}`, `t:${id}`]) });
  }

  /** The customerIds of all customers, ascending as text (cheap: nothing copied). */
  ids(): string[] {
    return [...this.customers.keys()].sort((a, b) => a.localeCompare(b));
  }

  get size(): number {
    return this.customers.size;
  }

  /** Every customer as the API renders it, by customerId. */
  list(): PosCustomer[] {
    return [...this.customers.values()]
      .sort((a, b) => a.customer.customerId.localeCompare(b.customer.customerId))
      .map(render);
  }

  get(customerId: string): PosCustomer | undefined {
    const stored = this.customers.get(customerId);
    return stored ? render(stored) : undefined;
  }

  /** The stored rows, not copied: only for reading. */
  snapshot(): { customers: readonly StoredPosCustomer[]; tombstones: readonly PosDeletedCustomer[] } {
    return { customers: [...this.customers.values()], tombstones: [...this.tombstones.values()] };
  }

  /** Changes a customer (or its cards) as a store or the head office does: modifiedAt becomes now. */
  change(customerId: string, change: (customer: Omit<PosCustomer, 'modifiedAt'>) => void): PosCustomer {
    const stored = this.require(customerId);
    change(stored.customer);
    stored.modified = this.clock().getTime();
    this.putCustomer(stored);
    return render(stored);
  }

  /** Registers a new customer at a store. */
  create(customer: Omit<PosCustomer, 'customerId' | 'modifiedAt'>): PosCustomer {
    const ids = [...this.customers.keys(), ...this.tombstones.keys()].map(Number);
    const customerId = String(Math.max(100_000, ...ids) + 1);
    const stored = {
      customer: { ...structuredClone(customer), customerId },
      modified: this.clock().getTime(),
    };
    this.putCustomer(stored);
    return render(stored);
  }

  /** Deletes (or, for GDPR, anonymizes) a customer: it leaves the list and a tombstone takes its place. */
  remove(customerId: string, reason: PosDeletedCustomer['reason'] = 'deleted'): void {
    this.require(customerId);
    this.customers.delete(customerId);
    this.feed.delete(`c:${customerId}`);
    this.putTombstone({ customerId, deletedAt: this.clock().toISOString(), reason });
  }

  private putCustomer(stored: StoredPosCustomer): void {
    const id = stored.customer.customerId;
    this.customers.set(id, stored);
    this.feed.set(`c:${id}`, { time: stored.modified, id, value: { stored } });
  }

  private putTombstone(tombstone: PosDeletedCustomer): void {
    this.tombstones.set(tombstone.customerId, tombstone);
    this.feed.set(`t:${tombstone.customerId}`, {
      time: Date.parse(tombstone.deletedAt),
      id: tombstone.customerId,
      value: { tombstone },
    });
  }

  private require(customerId: string): StoredPosCustomer {
    const stored = this.customers.get(customerId);
    if (!stored) throw new RangeError(`There is no customer ${customerId}.`);
    return stored;
  }
}

export function render(stored: StoredPosCustomer): PosCustomer {
  return { ...structuredClone(stored.customer), modifiedAt: new Date(stored.modified).toISOString() };
}
