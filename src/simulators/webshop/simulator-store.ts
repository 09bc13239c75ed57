/**
 * The simulated webshop's data: company accounts and the tombstones of deleted ones, each with the
 * instant the webshop orders it by. Every change (of the company, an employee or an address) stamps the
 * company's modifiedAt from the simulator's clock; a deletion leaves a tombstone, kept for the retention.
 */

import { toWebshopTime, webshopTimeOrder } from '../../adapters/webshop/webshop-dates.ts';
import type {
  WebshopChange,
  WebshopCustomer,
  WebshopTombstone,
} from '../../adapters/webshop/webshop-types.ts';
import { KeysetIndex } from '../kit/keyset.ts';
import type { SeededWebshop } from './seed.ts';

export interface WebshopStoreOptions {
  clock: () => Date;
  /** Tombstones older than this many days are dropped from the list. */
  tombstoneRetentionDays: number;
}

export interface ChangeQuery {
  /** Only changes at or after this instant (ms). */
  from: number | null;
  /** Only changes after this keyset (ms, id). */
  after: { at: number; id: number } | null;
  limit: number;
  /** Only these customer ids (the `ids` parameter); null or absent = all. */
  ids?: ReadonlySet<number> | null;
}

export type NewWebshopCustomer = Omit<WebshopCustomer, 'id' | 'deleted' | 'createdAt' | 'modifiedAt'>;

export class WebshopStore {
  private readonly changes = new Map<number, WebshopChange>();
  /** The list endpoint's order (modifiedAt, id), kept with every change. */
  private readonly order = new KeysetIndex<WebshopChange, number, number>();
  private nextId = 1;

  constructor(private readonly options: WebshopStoreOptions) {}

  load(shop: SeededWebshop): void {
    for (const item of [...shop.customers, ...shop.tombstones]) this.put(structuredClone(item));
  }

  /** Copies of the existing customers, by id. */
  list(): WebshopCustomer[] {
    return [...this.changes.values()]
      .filter((item): item is WebshopCustomer => !item.deleted)
      .sort((a, b) => a.id - b.id)
      .map((item) => structuredClone(item));
  }

  tombstones(): WebshopTombstone[] {
    return [...this.changes.values()]
      .filter((item): item is WebshopTombstone => item.deleted)
      .sort((a, b) => a.id - b.id)
      .map((item) => structuredClone(item));
  }

  get(id: number): WebshopCustomer | undefined {
    const item = this.changes.get(id);
    return item && !item.deleted ? structuredClone(item) : undefined;
  }

  get size(): number {
    let count = 0;
    for (const item of this.changes.values()) if (!item.deleted) count += 1;
    return count;
  }

  /** The ids of the existing customers, ascending (cheap: nothing copied). */
  ids(): number[] {
    return [...this.changes.values()]
      .filter((item) => !item.deleted)
      .map((item) => item.id)
      .sort((a, b) => a - b);
  }

  /** A company registers: new id, created and modified now. */
  create(input: NewWebshopCustomer): WebshopCustomer {
    const now = toWebshopTime(this.options.clock());
    const customer: WebshopCustomer = {
      ...structuredClone(input),
      id: this.nextId,
      deleted: false,
      createdAt: now,
      modifiedAt: now,
    };
    this.put(customer);
    return structuredClone(customer);
  }

  /** Changes a customer (`change` edits a copy); modifiedAt becomes now. */
  change(id: number, change: (customer: WebshopCustomer) => void): WebshopCustomer {
    const existing = this.get(id);
    if (!existing) throw new Error(`No customer ${id} in the webshop.`);
    change(existing);
    existing.modifiedAt = toWebshopTime(this.options.clock());
    this.put(existing);
    return structuredClone(existing);
  }

  /** Deletes a customer account; its tombstone takes its place. */
  delete(id: number): boolean {
    if (!this.get(id)) return false;
    const at = toWebshopTime(this.options.clock());
    this.put({ id, deleted: true, deletedAt: at, modifiedAt: at });
    return true;
  }

  /** The changes of the list endpoint, in (modifiedAt, id) order, one more than `limit` to tell hasMore. */
  query(query: ChangeQuery): WebshopChange[] {
    const horizon = this.options.clock().getTime() - this.options.tombstoneRetentionDays * 86_400_000;
    const ids = query.ids;
    return this.order
      .page({
        since: query.from,
        after: query.after === null ? null : { time: query.after.at, id: query.after.id },
        limit: query.limit + 1,
        where: ({ value, time }) => !value.deleted || time >= horizon,
        ...(ids ? { keys: [...ids].map(String) } : {}),
      })
      .map(({ value }) => structuredClone(value));
  }

  private put(item: WebshopChange): void {
    this.changes.set(item.id, item);
    this.order.set(String(item.id), { time: webshopTimeOrder(item.modifiedAt), id: item.id, value: item });
    this.nextId = Math.max(this.nextId, item.id + 1);
  }
}
