/**
 * The simulated bus's data. Synchronized customers and tombstones form the feed; customers entered or
 * edited on a Comarch Mobile device wait in the device's queue and are invisible to the API until that
 * device synchronizes (`sync`): only then does the bus assign an id and stamp changedAt with its clock.
 * Every change made on the bus itself (`change`, `delete`) is stamped the same way.
 */

import type { IbusCustomer, IbusFeedEntry, IbusTombstone } from '../../adapters/ibus/ibus-types.ts';
import { KeysetIndex } from '../kit/keyset.ts';
import type { IbusDraft, IbusSeed } from './seed.ts';

/** What a device holds until it synchronizes. */
export type PendingChange =
  | { kind: 'create'; deviceId: string; draft: IbusDraft }
  | { kind: 'edit'; deviceId: string; id: string; change: (customer: IbusCustomer) => void };

export class IbusStore {
  private readonly customers = new Map<string, IbusCustomer>();
  private readonly tombstones = new Map<string, IbusTombstone>();
  /** The feed's order (changedAt as text, id), kept with every change. */
  private readonly order = new KeysetIndex<IbusFeedEntry, string>();
  private readonly queue: PendingChange[] = [];
  private nextId = 1;

  constructor(private readonly clock: () => Date) {}

  /** The bus's clock as it writes changedAt. */
  now(): string {
    return this.clock().toISOString();
  }

  load(seed: IbusSeed): void {
    for (const [index, { draft, syncedAt }] of seed.customers.entries()) {
      const customer = this.publish(structuredClone(draft), syncedAt.toISOString());
      // A record an old app version wrote with an impossible date (still sortable text).
      if (seed.broken.get(index) === 'date') {
        customer.changedAt = customer.changedAt.replace(/-\d{2}-\d{2}T/, '-02-30T');
        this.put(customer);
      }
    }
    for (const draft of seed.pending)
      this.queue.push({ kind: 'create', deviceId: draft.deviceId, draft: structuredClone(draft) });
  }

  get size(): number {
    return this.customers.size;
  }

  /** The feed: synchronized customers and tombstones in (changedAt, id) order. Not copied: read only. */
  feed(): IbusFeedEntry[] {
    return [...this.customers.values(), ...this.tombstones.values()].sort((a, b) =>
      a.changedAt === b.changedAt
        ? a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0
        : a.changedAt < b.changedAt
          ? -1
          : 1,
    );
  }

  /** Copies of the synchronized customers, by id. */
  list(): IbusCustomer[] {
    return [...this.customers.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map((c) => structuredClone(c));
  }

  get(id: string): IbusCustomer | undefined {
    const customer = this.customers.get(id);
    return customer ? structuredClone(customer) : undefined;
  }

  tombstone(id: string): IbusTombstone | undefined {
    return this.tombstones.get(id);
  }

  /** A sales representative enters a new customer on a device: it waits there until the device synchronizes. */
  enterOnDevice(draft: IbusDraft): void {
    this.queue.push({ kind: 'create', deviceId: draft.deviceId, draft: structuredClone(draft) });
  }

  /** A sales representative edits a customer on a device: the change waits until the device synchronizes. */
  editOnDevice(deviceId: string, id: string, change: (customer: IbusCustomer) => void): void {
    if (!this.customers.has(id)) throw new Error(`No customer ${id} on the bus.`);
    this.queue.push({ kind: 'edit', deviceId, id, change });
  }

  /** Changes waiting on devices (all, or one device's). */
  pending(deviceId?: string): readonly PendingChange[] {
    return this.queue.filter((item) => deviceId === undefined || item.deviceId === deviceId);
  }

  /**
   * Synchronizes the devices (all, or one): their new customers get ids and, like their edits, the bus's
   * current time as changedAt. Returns the ids of the customers that changed.
   */
  sync(deviceId?: string): string[] {
    const now = this.now();
    const ids: string[] = [];
    for (const item of this.pending(deviceId)) {
      this.queue.splice(this.queue.indexOf(item), 1);
      if (item.kind === 'create') ids.push(this.publish(item.draft, now).id);
      else if (this.customers.has(item.id)) {
        this.change(item.id, item.change, now);
        ids.push(item.id);
      }
    }
    return ids;
  }

  /** A change made on the bus now (e.g. in Comarch Mobile Management); changedAt becomes now. */
  change(id: string, change: (customer: IbusCustomer) => void, at = this.now()): IbusCustomer {
    const existing = this.customers.get(id);
    if (!existing) throw new Error(`No customer ${id} on the bus.`);
    const draft = structuredClone(existing);
    change(draft);
    draft.id = id;
    draft.changedAt = at;
    this.put(draft);
    return structuredClone(draft);
  }

  /** Deletes a customer: it leaves the feed and a tombstone with the deletion time takes its place. */
  delete(id: string): boolean {
    if (!this.customers.delete(id)) return false;
    const tombstone: IbusTombstone = { id, changedAt: this.now(), deleted: true };
    this.tombstones.set(id, tombstone);
    this.order.set(id, { time: tombstone.changedAt, id, value: tombstone });
    return true;
  }

  /**
   * A page of the feed: entries changed at or after `since` (text), after the keyset, at most `limit`
   * (not copied: read only).
   */
  feedPage(
    since: string | null,
    after: { time: string; id: string } | null,
    limit: number,
    ids: ReadonlySet<string> | null = null,
  ): IbusFeedEntry[] {
    const keys = ids === null ? {} : { keys: ids };
    return this.order.page({ since, after, limit, ...keys }).map(({ value }) => value);
  }

  /** The ids of the synchronized customers, ascending (cheap: nothing copied). */
  ids(): string[] {
    return [...this.customers.keys()].sort((a, b) => (a < b ? -1 : 1));
  }

  private put(customer: IbusCustomer): void {
    this.customers.set(customer.id, customer);
    this.order.set(customer.id, { time: customer.changedAt, id: customer.id, value: customer });
  }

  private publish(draft: IbusDraft, changedAt: string): IbusCustomer {
    const id = `K-${String(this.nextId++).padStart(6, '0')}`;
    const customer: IbusCustomer = { id, changedAt, deleted: false, ...draft };
    this.put(customer);
    return customer;
  }
}
