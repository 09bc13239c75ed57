/**
 * The simulator's data: customers and B2B companies in the exact shape Magento's web API renders them,
 * and the write operations of the customer repository (create, save, delete) with Magento's validation.
 * Every save sets updated_at to the simulator's clock. Tests may also change data in process.
 *
 * Two parts: the generated shop (seed.ts GeneratedShop, customers generated on demand, a few typed-array
 * numbers a customer; simulator-base.ts) and the overlay of every customer saved, changed, loaded or
 * deleted since (a map and sorted indexes, simulator-indexes.ts). An overlaid generated customer is hidden
 * in the base; searches merge both parts (simulator-indexed-search.ts).
 */

import { toMagentoDate } from '../../adapters/magento/magento-dates.ts';
import type { MagentoCompany, MagentoCustomer } from '../../adapters/magento/magento-types.ts';
import type { SearchCriteria } from '../../adapters/magento/search-criteria.ts';
import type { GeneratedShop, SeededShop } from './seed.ts';
import { BaseCustomers } from './simulator-base.ts';
import { asObject, buildCustomer, type CustomerIds } from './simulator-customer-input.ts';
import { noSuchEntity } from './simulator-errors.ts';
import { searchIndexed } from './simulator-indexed-search.ts';
import { foldText, MagentoIndexes } from './simulator-indexes.ts';
import type { PastLastPage, SearchResult } from './simulator-search.ts';

export interface StoreOptions {
  clock: () => Date;
  /** Adobe Commerce B2B is installed: customers carry extension_attributes.company_attributes. */
  b2b: boolean;
}

export class MagentoStore {
  private base = new BaseCustomers(null);
  private readonly overlay = new Map<number, MagentoCustomer>();
  private readonly companies = new Map<number, MagentoCompany>();
  private nextCustomerId = 1;
  private nextAddressId = 1;
  private readonly indexes = new MagentoIndexes(
    () => this.overlay.values(),
    (id) => this.overlay.get(id),
  );
  private readonly rules: CustomerIds;

  constructor(private readonly options: StoreOptions) {
    this.rules = {
      b2b: options.b2b,
      nextCustomerId: () => this.nextCustomerId,
      nextAddressId: () => this.nextAddressId++,
      emailTaken: (email, websiteId, self) =>
        this.byEmail(email).some(
          (other) =>
            other.id !== self &&
            other.website_id === websiteId &&
            other.email?.toLowerCase() === email.toLowerCase(),
        ),
    };
  }

  /** The simulator's current time as Magento writes it. */
  now(): string {
    return toMagentoDate(this.options.clock());
  }

  /** Serves a generated shop (replacing the generated part; the overlay stays). */
  useGenerated(shop: GeneratedShop): void {
    this.base = new BaseCustomers(shop);
    for (const id of this.overlay.keys()) this.base.hide(id);
    this.nextCustomerId = Math.max(this.nextCustomerId, shop.lastId + 1);
    this.nextAddressId = Math.max(this.nextAddressId, shop.nextAddressId);
  }

  /**
   * Adds customers as they are (broken records included: they bypass validation like a DB import),
   * replacing customers of the same id, and companies.
   */
  load(shop: SeededShop): void {
    for (const customer of shop.customers) this.put(structuredClone(customer), false);
    this.indexes.prebuild();
    for (const company of shop.companies) this.companies.set(company.id, structuredClone(company));
  }

  /** GET /V1/customers/search, answered from the indexes. */
  search(criteria: SearchCriteria, pastLastPage: PastLastPage = 'empty'): SearchResult {
    const source = {
      overlay: this.indexes,
      base: this.base,
      byId: (id: number) => this.find(id),
      byEmail: (email: string) => this.byEmail(email),
      all: () => this.snapshot(),
    };
    return searchIndexed(source, criteria, pastLastPage);
  }

  /** The ids of all customers, ascending. */
  ids(): number[] {
    const shop = this.base.shop;
    const generated = shop ? Array.from(this.base.indexes(), (index) => shop.idAt(index)) : [];
    const overlaid = [...this.overlay.keys()].sort((a, b) => a - b);
    return mergeSorted(generated, overlaid);
  }

  get size(): number {
    return this.base.visible + this.overlay.size;
  }

  /** Every customer, by id (generated ones made now; overlay ones not copied): only for reading (search). */
  snapshot(): readonly MagentoCustomer[] {
    return this.ids().map((id) => this.find(id) as MagentoCustomer);
  }

  /** Copies of all customers, by id. */
  list(): MagentoCustomer[] {
    return this.ids().map((id) => this.get(id) as MagentoCustomer);
  }

  /** The last `count` customers by id whose e-mail passes `accept` (copies; for test harnesses). */
  lastCustomers(count: number, accept: (customer: MagentoCustomer) => boolean): MagentoCustomer[] {
    const result: MagentoCustomer[] = [];
    const ids = this.ids();
    for (let i = ids.length - 1; i >= 0 && result.length < count; i--) {
      const customer = this.get(ids[i] as number) as MagentoCustomer;
      if (accept(customer)) result.unshift(customer);
    }
    return result;
  }

  get(id: number): MagentoCustomer | undefined {
    const customer = this.overlay.get(id);
    if (customer) return structuredClone(customer);
    return this.find(id);
  }

  getCompany(id: number): MagentoCompany | undefined {
    const company = this.companies.get(id);
    if (company) return structuredClone(company);
    return this.base.shop?.companyOf(id);
  }

  /** POST /V1/customers: validates, assigns ids, sets created_at = updated_at = now. */
  create(input: unknown): MagentoCustomer {
    const customer = this.build(asObject(input, 'customer'), undefined);
    this.put(customer);
    return structuredClone(customer);
  }

  /** PUT /V1/customers/:id: saves the customer (fields not sent are kept; addresses only if sent). */
  update(id: number, input: unknown): MagentoCustomer {
    const existing = this.find(id);
    if (!existing) throw noSuchEntity('customerId', id);
    const customer = this.build(asObject(input, 'customer'), existing);
    this.put(customer);
    return structuredClone(customer);
  }

  /** Changes a customer in process (tests): `change` edits a copy; updated_at is set to now. No validation. */
  change(id: number, change: (customer: MagentoCustomer) => void): MagentoCustomer {
    const draft = this.get(id);
    if (!draft) throw noSuchEntity('customerId', id);
    change(draft);
    draft.updated_at = this.now();
    this.put(draft);
    return structuredClone(draft);
  }

  delete(id: number): boolean {
    const existing = this.overlay.get(id);
    if (existing) {
      this.indexes.remove(existing);
      this.overlay.delete(id);
    }
    return this.base.hide(id) || existing !== undefined;
  }

  /** The stored customer (overlay, not copied) or the generated one (made now). */
  private find(id: number): MagentoCustomer | undefined {
    const customer = this.overlay.get(id);
    if (customer) return customer;
    const index = this.base.indexOfId(id);
    return index >= 0 ? this.base.customerAt(index) : undefined;
  }

  /** The customers whose e-mail equals `email` as the collation compares. */
  private byEmail(email: string): MagentoCustomer[] {
    const found = [...this.indexes.byEmail(email)];
    const index = this.base.indexOfEmail(foldText(email));
    if (index >= 0) found.push(this.base.customerAt(index));
    return found;
  }

  private build(data: Record<string, unknown>, existing: MagentoCustomer | undefined): MagentoCustomer {
    return buildCustomer(data, existing, this.now(), this.rules);
  }

  private put(customer: MagentoCustomer, index = true): void {
    const id = customer.id as number;
    const existing = this.overlay.get(id);
    if (index) {
      if (existing) this.indexes.remove(existing);
      this.indexes.add(customer);
    }
    this.base.hide(id);
    this.overlay.set(id, customer);
    this.nextCustomerId = Math.max(this.nextCustomerId, id + 1);
    for (const address of customer.addresses ?? [])
      this.nextAddressId = Math.max(this.nextAddressId, (address.id ?? 0) + 1);
  }
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    merged[k++] = (a[i] as number) < (b[j] as number) ? (a[i++] as number) : (b[j++] as number);
  while (i < a.length) merged[k++] = a[i++] as number;
  while (j < b.length) merged[k++] = b[j++] as number;
  return merged;
}
