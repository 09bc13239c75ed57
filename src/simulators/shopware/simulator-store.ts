/**
 * The simulator's data: customers with their addresses, in the shape Shopware's DAL loads them (without
 * association objects; the renderer attaches those). Writes behave like the DAL's: every write of a
 * customer sets its updatedAt to the simulator's clock (createdAt is set once), while writing only an
 * address (the storefront's address book writes customer_address) leaves the customer's updatedAt as it
 * is. Tests change data in process through these methods.
 */
import { randomUUID } from 'node:crypto';
import { toRenderedDate } from '../../adapters/shopware/shopware-dates.ts';
import type { ShopwareAddress, ShopwareCustomer } from '../../adapters/shopware/shopware-types.ts';
import { compactInPlace } from '../kit/compact-records.ts';
import {
  COUNTRY_BY_ISO,
  CUSTOMER_GROUPS,
  LANGUAGE_ID,
  PAYMENT_METHOD_ID,
  SALES_CHANNELS,
  SALUTATIONS,
} from './simulator-catalog.ts';
import type { ParsedCriteria } from './simulator-criteria.ts';
import { fail } from './simulator-errors.ts';
import { searchIndexed } from './simulator-indexed-search.ts';
import { ShopwareIndexes } from './simulator-indexes.ts';

/** An address as a test writes it: the country by ISO code. */
export type AddressInput = Partial<
  Omit<ShopwareAddress, 'apiAlias' | 'country' | 'countryState' | 'salutation'>
> & {
  country?: string;
};

/** A new customer as a test writes it. */
export type CustomerInput = Partial<Omit<ShopwareCustomer, 'addresses' | 'apiAlias'>> & {
  email: string;
  firstName: string;
  lastName: string;
  addresses: AddressInput[];
};

export class ShopwareStore {
  private readonly customers = new Map<string, ShopwareCustomer>();
  private readonly indexes = new ShopwareIndexes(
    () => this.customers.values(),
    (id) => this.customers.get(id),
  );

  constructor(private readonly clock: () => Date) {}

  /** The simulator's current time as Shopware renders it. */
  now(): string {
    return toRenderedDate(this.clock());
  }

  /**
   * Adds generated customers, as compact copies (kit/compact-records.ts: flat, shared strings, about 1,360
   * heap bytes a customer); `handOver`: the caller keeps no reference, so its array is reused for the copies.
   */
  load(customers: ShopwareCustomer[], handOver = false): void {
    for (const customer of compactInPlace(handOver ? customers : [...customers]))
      this.customers.set(customer.id, customer);
    this.indexes.clear();
    // The indexes of the adapter's keyset reads, built now so that the first page is not the slow one.
    for (const field of ['createdAt', 'updatedAt']) {
      this.indexes.index([
        { field, kind: 'date', descending: false },
        { field: 'id', kind: 'id', descending: false },
      ]);
    }
  }

  /** POST /api/search/customer, answered from the indexes (stored objects: only for reading). */
  search(criteria: ParsedCriteria): { data: ShopwareCustomer[]; total: number } {
    return searchIndexed(this.indexes, () => this.snapshot(), criteria);
  }

  /** The ids of all customers in the order they were created (nothing copied). */
  ids(): string[] {
    return [...this.customers.keys()];
  }

  get size(): number {
    return this.customers.size;
  }

  /** The stored customers, not copied: only for reading (search). */
  snapshot(): readonly ShopwareCustomer[] {
    return [...this.customers.values()];
  }

  /** Copies of all customers, in the order they were created. */
  list(): ShopwareCustomer[] {
    return [...this.customers.values()].map((customer) => structuredClone(customer));
  }

  get(id: string): ShopwareCustomer | undefined {
    const customer = this.customers.get(id);
    return customer ? structuredClone(customer) : undefined;
  }

  /** Creates a customer (createdAt now, updatedAt null); the first address is the default for both. */
  create(input: CustomerInput): ShopwareCustomer {
    const id = input.id ?? newId();
    const createdAt = this.now();
    const addresses = input.addresses.map((address) => this.buildAddress(address, id, createdAt));
    const first = addresses[0];
    if (!first) fail(400, 'FRAMEWORK__WRITE_CONSTRAINT_VIOLATION', 'This value should not be blank.');
    const customer: ShopwareCustomer = {
      groupId: CUSTOMER_GROUPS.standard.id,
      defaultPaymentMethodId: PAYMENT_METHOD_ID,
      salesChannelId: SALES_CHANNELS.storefront,
      languageId: LANGUAGE_ID,
      lastPaymentMethodId: null,
      defaultBillingAddressId: first.id,
      defaultShippingAddressId: first.id,
      customerNumber: String(10000 + this.customers.size),
      salutationId: SALUTATIONS.not_specified.id,
      company: null,
      title: null,
      vatIds: null,
      affiliateCode: null,
      campaignCode: null,
      active: true,
      doubleOptInRegistration: false,
      doubleOptInEmailSentDate: null,
      doubleOptInConfirmDate: null,
      hash: null,
      guest: false,
      firstLogin: createdAt,
      lastLogin: null,
      accountType: input.company ? 'business' : 'private',
      birthday: null,
      lastOrderDate: null,
      orderCount: 0,
      orderTotalAmount: 0,
      reviewCount: 0,
      customFields: null,
      tagIds: null,
      requestedGroupId: null,
      boundSalesChannelId: null,
      createdById: null,
      updatedById: null,
      ...input,
      id,
      addresses,
      createdAt,
      updatedAt: null,
      apiAlias: 'customer',
    };
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
          ...this.addressFields(input),
          updatedAt: now,
        };
      else addresses.push(this.buildAddress(input, id, now));
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
    const customer = this.require(customerId);
    const address = customer.addresses?.find((item) => item.id === addressId);
    if (!address)
      fail(
        404,
        'FRAMEWORK__RESOURCE_NOT_FOUND',
        'The customer_address resource with the following primary key was not found: id({{ id }})',
        { id: addressId },
      );
    Object.assign(address, this.addressFields(changes), { updatedAt: this.now() });
    this.indexes.touch();
    return structuredClone(address);
  }

  delete(id: string): boolean {
    const existing = this.customers.get(id);
    if (existing) this.indexes.remove(existing);
    return this.customers.delete(id);
  }

  private put(id: string, customer: ShopwareCustomer): void {
    const existing = this.customers.get(id);
    if (existing) this.indexes.remove(existing);
    this.indexes.add(customer);
    this.customers.set(id, customer);
  }

  private require(id: string): ShopwareCustomer {
    const customer = this.customers.get(id);
    if (!customer)
      fail(
        404,
        'FRAMEWORK__RESOURCE_NOT_FOUND',
        'The customer resource with the following primary key was not found: id({{ id }})',
        { id },
      );
    return customer;
  }

  private buildAddress(input: AddressInput, customerId: string, createdAt: string): ShopwareAddress {
    return {
      id: input.id ?? newId(),
      customerId,
      countryId: COUNTRY_BY_ISO.get('DE')?.id as string,
      countryStateId: null,
      salutationId: null,
      firstName: '',
      lastName: '',
      zipcode: null,
      city: '',
      company: null,
      street: '',
      department: null,
      title: null,
      phoneNumber: null,
      additionalAddressLine1: null,
      additionalAddressLine2: null,
      customFields: null,
      ...this.addressFields(input),
      createdAt,
      updatedAt: null,
      apiAlias: 'customer_address',
    };
  }

  private addressFields(input: AddressInput): Partial<ShopwareAddress> {
    const { country, ...fields } = input;
    if (country === undefined) return fields;
    const found = COUNTRY_BY_ISO.get(country.toUpperCase());
    if (!found)
      fail(400, 'FRAMEWORK__WRITE_CONSTRAINT_VIOLATION', 'The country "{{ country }}" does not exist.', {
        country,
      });
    return { ...fields, countryId: found.id };
  }
}

function newId(): string {
  return randomUUID().replace(/-/g, '');
}
