/**
 * The simulated SFA server's data, and the representatives' devices in front of it. A customer that a
 * representative enters or changes on a device stays in that device's outbox, invisible to the server's
 * API, until the device synchronizes; the server then stamps it with its own clock (modifiedAt, and
 * createdAt for new customers). Back-office changes and deletions act on the server directly.
 */

import type { SfaCustomer, SfaRepresentative } from '../../adapters/sfa/sfa-types.ts';
import { KeysetIndex } from '../kit/keyset.ts';
import { Prng } from '../sample-data/prng.ts';
import { deviceIdOf, deviceTime, type SeededSfa, seededUuid } from './seed.ts';

export interface SfaStoreOptions {
  clock: () => Date;
  seed: number;
}

export interface SfaQuery {
  from: number | null;
  after: { at: number; id: string } | null;
  limit: number;
  /** Only these customer ids (the `ids` parameter); null = all. */
  ids?: ReadonlySet<string> | null;
}

export type NewSfaCustomer = Omit<
  SfaCustomer,
  'id' | 'owner' | 'createdBy' | 'deviceId' | 'enteredAt' | 'createdAt' | 'modifiedAt'
>;

export class SfaStore {
  private readonly customers = new Map<string, SfaCustomer>();
  /** The change feed's order (modifiedAt, id) and the id scan's order, kept with every change. */
  private readonly byChange = new KeysetIndex<SfaCustomer>();
  private readonly byId = new KeysetIndex<null>();
  private readonly outboxes = new Map<string, Map<string, SfaCustomer>>();
  private readonly team = new Map<string, SfaRepresentative>();
  private readonly rng: Prng;

  constructor(private readonly options: SfaStoreOptions) {
    this.rng = new Prng(options.seed ^ 0xdec1ce);
  }

  load(data: SeededSfa): void {
    for (const representative of data.representatives) this.team.set(representative.code, representative);
    for (const customer of data.customers) this.put(structuredClone(customer));
  }

  representatives(): SfaRepresentative[] {
    return [...this.team.values()].map((rep) => structuredClone(rep));
  }

  /** Copies of the synchronized customers, by id. */
  list(): SfaCustomer[] {
    return [...this.customers.values()].sort((a, b) => compareIds(a.id, b.id)).map((c) => structuredClone(c));
  }

  get(id: string): SfaCustomer | undefined {
    const customer = this.customers.get(id);
    return customer ? structuredClone(customer) : undefined;
  }

  get size(): number {
    return this.customers.size;
  }

  /** A representative enters a new customer on the device (offline): it waits in the outbox. Returns it. */
  enterOnDevice(repCode: string, input: NewSfaCustomer): SfaCustomer {
    const rep = this.rep(repCode);
    const customer: SfaCustomer = {
      ...structuredClone(input),
      id: seededUuid(this.rng),
      owner: rep,
      createdBy: rep,
      deviceId: deviceIdOf(rep),
      enteredAt: deviceTime(this.options.clock()),
      createdAt: '',
      modifiedAt: '',
    };
    this.outbox(repCode).set(customer.id, customer);
    return structuredClone(customer);
  }

  /** A representative changes a customer on the device: the change waits in the outbox. */
  changeOnDevice(repCode: string, id: string, change: (customer: SfaCustomer) => void): void {
    const draft = this.outbox(repCode).get(id) ?? this.get(id);
    if (!draft) throw new Error(`No customer ${id} on the device of ${repCode}.`);
    change(draft);
    this.outbox(repCode).set(id, draft);
  }

  /** Customers waiting on the representative's device. */
  pending(repCode: string): SfaCustomer[] {
    return [...this.outbox(repCode).values()].map((customer) => structuredClone(customer));
  }

  /** The device synchronizes: its outbox reaches the server, stamped with the server's clock. Returns the ids. */
  syncDevice(repCode: string): string[] {
    const now = this.options.clock().toISOString();
    const outbox = this.outbox(repCode);
    const ids = [...outbox.keys()];
    for (const [id, customer] of outbox) {
      const existing = this.customers.get(id);
      this.put({ ...customer, createdAt: existing?.createdAt ?? now, modifiedAt: now });
    }
    outbox.clear();
    return ids;
  }

  /** A back-office change on the server (e.g. a manager edits or reassigns); modifiedAt becomes now. */
  change(id: string, change: (customer: SfaCustomer) => void): SfaCustomer {
    const existing = this.get(id);
    if (!existing) throw new Error(`No customer ${id} on the SFA server.`);
    change(existing);
    existing.modifiedAt = this.options.clock().toISOString();
    this.put(existing);
    return structuredClone(existing);
  }

  /** A manager reassigns the customer to another representative. */
  reassign(id: string, repCode: string | null): SfaCustomer {
    const owner = repCode === null ? null : this.rep(repCode);
    return this.change(id, (customer) => {
      customer.owner = owner;
    });
  }

  /** Deletes a customer on the server; SFA keeps no trace of it. */
  delete(id: string): boolean {
    this.byChange.delete(id);
    this.byId.delete(id);
    return this.customers.delete(id);
  }

  query(query: SfaQuery): SfaCustomer[] {
    const ids = query.ids;
    return this.byChange
      .page({
        since: query.from,
        after: query.after === null ? null : { time: query.after.at, id: query.after.id },
        limit: query.limit + 1,
        ...(ids ? { keys: ids } : {}),
      })
      .map(({ value }) => structuredClone(value));
  }

  ids(afterId: string | null, limit: number): string[] {
    return this.byId
      .page({ since: null, after: afterId === null ? null : { time: 0, id: afterId }, limit: limit + 1 })
      .map(({ id }) => id);
  }

  private put(customer: SfaCustomer): void {
    this.customers.set(customer.id, customer);
    this.byChange.set(customer.id, {
      time: Date.parse(customer.modifiedAt),
      id: customer.id,
      value: customer,
    });
    this.byId.set(customer.id, { time: 0, id: customer.id, value: null });
  }

  private rep(code: string): SfaRepresentative {
    const rep = this.team.get(code);
    if (!rep) throw new Error(`No sales representative ${code}.`);
    return structuredClone(rep);
  }

  private outbox(repCode: string): Map<string, SfaCustomer> {
    this.rep(repCode);
    let outbox = this.outboxes.get(repCode);
    if (!outbox) {
      outbox = new Map();
      this.outboxes.set(repCode, outbox);
    }
    return outbox;
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
