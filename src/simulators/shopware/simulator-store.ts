/**
 * The simulator's data: customers with their addresses, in the shape Shopware's DAL loads them (without
 * association objects; the renderer attaches those). The generated shop is not stored (base-shop.ts makes
 * customer i when it is read); a customer written after generation (changed, added) is kept in the
 * overlay, and a deleted or changed generated customer is shadowed in the base. Writes behave like the
 * DAL's: every write of a customer sets its updatedAt to the simulator's clock (createdAt is set once),
 * while writing only an address (the storefront's address book writes customer_address) leaves the
 * customer's updatedAt as it is. Tests change data in process through these methods.
 */
import { toRenderedDate } from '../../adapters/shopware/shopware-dates.ts';
import type { ShopwareAddress, ShopwareCustomer } from '../../adapters/shopware/shopware-types.ts';
import { BaseShop } from './base-shop.ts';
import type { ShopTimeline } from './seed-skeleton.ts';
import type { ParsedCriteria } from './simulator-criteria.ts';
import { fail } from './simulator-errors.ts';
import { type ShopData, searchIndexed } from './simulator-indexed-search.ts';
import {
  type AddressInput,
  addressFields,
  buildAddress,
  type CustomerInput,
  newCustomer,
  newId,
} from './simulator-store-input.ts';

export type { AddressInput, CustomerInput } from './simulator-store-input.ts';

export class ShopwareStore {
  private readonly data: ShopData = {
    base: null,
    overlay: new Map(),
    shadowed: new Set(),
    version: 0,
  };

  constructor(private readonly clock: () => Date) {}

  /** The simulator's current time as Shopware renders it. */
  now(): string {
    return toRenderedDate(this.clock());
  }

  /** The generated shop (replaces every customer). */
  loadGenerated(timeline: ShopTimeline): BaseShop {
    const base = new BaseShop(timeline);
    this.reset(base);
    return base;
  }

  /** Adds customers as they are (kept in the overlay; tests). */
  load(customers: ShopwareCustomer[]): void {
    for (const customer of customers) this.data.overlay.set(customer.id, structuredClone(customer));
    this.data.version += 1;
  }

  /** POST /api/search/customer, answered from the base order and the overlay (objects only for reading). */
  search(criteria: ParsedCriteria): { data: ShopwareCustomer[]; total: number } {
    return searchIndexed(this.data, criteria);
  }

  /** The ids of all customers: generated ones in index order (change time at generation), then added ones. */
  ids(): string[] {
    const ids: string[] = [];
    this.eachStored((id) => ids.push(id));
    return ids;
  }

  get size(): number {
    const { base, overlay, shadowed } = this.data;
    return (base?.count ?? 0) - shadowed.size + overlay.size;
  }

  /** Every customer, made or stored, not copied: only for reading (search). */
  snapshot(): readonly ShopwareCustomer[] {
    const all: ShopwareCustomer[] = [];
    this.eachStored((_, customer) => all.push(customer()));
    return all;
  }

  /** Copies of all customers, in the order of `ids`. */
  list(): ShopwareCustomer[] {
    return this.snapshot().map((customer) => structuredClone(customer));
  }

  get(id: string): ShopwareCustomer | undefined {
    const customer = this.find(id);
    return customer ? structuredClone(customer) : undefined;
  }

  /** Creates a customer (createdAt now, updatedAt null); the first address is the default for both. */
  create(input: CustomerInput): ShopwareCustomer {
    const id = input.id ?? newId();
    const createdAt = this.now();
    const addresses = input.addresses.map((address) => buildAddress(address, id, createdAt));
    const customer = newCustomer(input, id, createdAt, addresses, String(10000 + this.size));
    this.put(id, customer);
    return structuredClone(customer);
  }

  /**
   * Writes a customer (PATCH /api/customer/:id): fields not given are kept; `addresses` entries with a
   * known id change that address, others are added. updatedAt becomes now.
   */
  update(
    id: string,
    changes: Partial<Omit<CustomerInput, 'addresses'>> & { addresses?: AddressInput[] },
  ): ShopwareCustomer {
    const existing = this.require(id);
    const now = this.now();
    const addresses = [...(existing.addresses ?? [])];
    for (const input of changes.addresses ?? []) {
      const index = addresses.findIndex((address) => address.id === input.id);
      if (index >= 0)
        addresses[index] = {
          ...(addresses[index] as ShopwareAddress),
          ...addressFields(input),
          updatedAt: now,
        };
      else addresses.push(buildAddress(input, id, now));
    }
    const customer: ShopwareCustomer = {
      ...existing,
      ...changes,
      id,
      addresses,
      createdAt: existing.createdAt,
      updatedAt: now,
    };
    this.put(id, customer);
    return structuredClone(customer);
  }

  /** Changes a customer in process: `change` edits a copy; updatedAt becomes now. */
  change(id: string, change: (customer: ShopwareCustomer) => void): ShopwareCustomer {
    const draft = structuredClone(this.require(id));
    change(draft);
    draft.updatedAt = this.now();
    this.put(id, draft);
    return structuredClone(draft);
  }

  /** Writes only an address (the storefront's address book): the customer's updatedAt stays. */
  changeAddress(customerId: string, addressId: string, changes: AddressInput): ShopwareAddress {
    const customer = this.materialise(customerId);
    const address = customer.addresses?.find((item) => item.id === addressId);
    if (!address)
      fail(
        404,
        'FRAMEWORK__RESOURCE_NOT_FOUND',
        'The customer_address resource with the following primary key was not found: id({{ id }})',
        { id: addressId },
      );
    Object.assign(address, addressFields(changes), { updatedAt: this.now() });
    this.data.version += 1;
    return structuredClone(address);
  }

  delete(id: string): boolean {
    if (!this.find(id)) return false;
    this.shadow(id);
    this.data.overlay.delete(id);
    this.data.version += 1;
    return true;
  }

  private put(id: string, customer: ShopwareCustomer): void {
    this.shadow(id);
    this.data.overlay.set(id, customer);
    this.data.version += 1;
  }

  /** A generated customer that is written from now on lives in the overlay. */
  private shadow(id: string): void {
    const index = this.data.base?.indexOf(id) ?? -1;
    if (index >= 0) this.data.shadowed.add(index);
  }

  private find(id: string): ShopwareCustomer | undefined {
    const { base, overlay, shadowed } = this.data;
    const stored = overlay.get(id);
    if (stored || !base) return stored;
    const index = base.indexOf(id);
    return index >= 0 && !shadowed.has(index) ? base.customer(index) : undefined;
  }

  /** The customer as the overlay keeps it (a generated one is made and moved there). */
  private materialise(id: string): ShopwareCustomer {
    const stored = this.data.overlay.get(id);
    if (stored) return stored;
    const customer = this.require(id);
    this.put(id, customer);
    return customer;
  }

  private require(id: string): ShopwareCustomer {
    const customer = this.find(id);
    if (!customer)
      fail(
        404,
        'FRAMEWORK__RESOURCE_NOT_FOUND',
        'The customer resource with the following primary key was not found: id({{ id }})',
        { id },
      );
    return customer;
  }

  /** Every customer's id (and a way to have it) in creation order: generated ones, then added ones. */
  private eachStored(visit: (id: string, customer: () => ShopwareCustomer) => void): void {
    const { base, overlay, shadowed } = this.data;
    if (base) {
      for (let index = 0; index < base.count; index++) {
        if (!shadowed.has(index)) {
          visit(base.skeleton(index).id, () => base.customer(index));
          continue;
        }
        const id = base.skeleton(index).id;
        const stored = overlay.get(id);
        if (stored) visit(id, () => stored);
      }
    }
    for (const [id, customer] of overlay) if (!base || base.indexOf(id) < 0) visit(id, () => customer);
  }

  private reset(base: BaseShop | null): void {
    this.data.base = base;
    this.data.overlay.clear();
    this.data.shadowed.clear();
    this.data.version += 1;
  }
}
