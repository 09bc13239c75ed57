/**
 * The simulator's data: customers and B2B companies in the exact shape Magento's web API renders them,
 * and the write operations of the customer repository (create, save, delete) with Magento's validation.
 * Every save sets updated_at to the simulator's clock. Tests may also change data in process.
 */

import { toMagentoDate } from '../../adapters/magento/magento-dates.ts';
import type {
  MagentoAddress,
  MagentoCompany,
  MagentoCustomer,
  MagentoRegion,
} from '../../adapters/magento/magento-types.ts';
import type { SearchCriteria } from '../../adapters/magento/search-criteria.ts';
import { isCountryCode } from '../../domain/countries.ts';
import { compactInPlace } from '../kit/compact-records.ts';
import type { SeededShop } from './seed.ts';
import { MagentoApiError, MESSAGES, noSuchEntity, required } from './simulator-errors.ts';
import { searchIndexed } from './simulator-indexed-search.ts';
import { MagentoIndexes } from './simulator-indexes.ts';
import type { PastLastPage, SearchResult } from './simulator-search.ts';

export interface StoreOptions {
  clock: () => Date;
  /** Adobe Commerce B2B is installed: customers carry extension_attributes.company_attributes. */
  b2b: boolean;
}

const EMAIL = /^[^\s@()<>,;:"[\]]+@[^\s@()<>,;:"[\]]+\.[A-Za-z]{2,}$/;

export class MagentoStore {
  private readonly customers = new Map<number, MagentoCustomer>();
  private readonly companies = new Map<number, MagentoCompany>();
  private nextCustomerId = 1;
  private nextAddressId = 1;
  private readonly indexes = new MagentoIndexes(
    () => this.customers.values(),
    (id) => this.customers.get(id),
  );
  private loading = false;

  constructor(private readonly options: StoreOptions) {}

  /** The simulator's current time as Magento writes it. */
  now(): string {
    return toMagentoDate(this.options.clock());
  }

  /**
   * Adds generated data as it is (broken records included: they bypass validation like a DB import), as
   * compact copies (kit/compact-records.ts: 1M customers in about 750 MiB of heap). `handOver`: the
   * caller keeps no reference, so its array is reused for the copies.
   */
  load(shop: SeededShop, handOver = false): void {
    this.loading = true;
    const customers = compactInPlace(handOver ? shop.customers : [...shop.customers]);
    for (const customer of customers) this.put(customer);
    this.loading = false;
    this.indexes.prebuild();
    for (const company of shop.companies) this.companies.set(company.id, structuredClone(company));
  }

  /** GET /V1/customers/search, answered from the indexes (stored objects: only for reading). */
  search(criteria: SearchCriteria, pastLastPage: PastLastPage = 'empty'): SearchResult {
    return searchIndexed(this.indexes, () => this.snapshot(), criteria, pastLastPage);
  }

  /** The ids of all customers, ascending (cheap: from the index, nothing copied). */
  ids(): number[] {
    return this.indexes
      .index([])
      .records()
      .map((customer) => customer.id as number);
  }

  get size(): number {
    return this.customers.size;
  }

  /** The stored customers, not copied: only for reading (search). */
  snapshot(): readonly MagentoCustomer[] {
    return [...this.customers.values()];
  }

  /** Copies of all customers, by id. */
  list(): MagentoCustomer[] {
    return [...this.customers.values()]
      .sort((a, b) => (a.id ?? 0) - (b.id ?? 0))
      .map((c) => structuredClone(c));
  }

  get(id: number): MagentoCustomer | undefined {
    const customer = this.customers.get(id);
    return customer ? structuredClone(customer) : undefined;
  }

  getCompany(id: number): MagentoCompany | undefined {
    const company = this.companies.get(id);
    return company ? structuredClone(company) : undefined;
  }

  /** POST /V1/customers: validates, assigns ids, sets created_at = updated_at = now. */
  create(input: unknown): MagentoCustomer {
    const data = asObject(input, 'customer');
    const now = this.now();
    const customer = this.build(data, undefined, now);
    this.put(customer);
    return structuredClone(customer);
  }

  /** PUT /V1/customers/:id: saves the customer (fields not sent are kept; addresses only if sent). */
  update(id: number, input: unknown): MagentoCustomer {
    const existing = this.customers.get(id);
    if (!existing) throw noSuchEntity('customerId', id);
    const customer = this.build(asObject(input, 'customer'), existing, this.now());
    this.put(customer);
    return structuredClone(customer);
  }

  /** Changes a customer in process (tests): `change` edits a copy; updated_at is set to now. No validation. */
  change(id: number, change: (customer: MagentoCustomer) => void): MagentoCustomer {
    const existing = this.customers.get(id);
    if (!existing) throw noSuchEntity('customerId', id);
    const draft = structuredClone(existing);
    change(draft);
    draft.updated_at = this.now();
    this.put(draft);
    return structuredClone(draft);
  }

  delete(id: number): boolean {
    const existing = this.customers.get(id);
    if (existing) this.indexes.remove(existing);
    return this.customers.delete(id);
  }

  private put(customer: MagentoCustomer): void {
    const id = customer.id as number;
    if (!this.loading) {
      const existing = this.customers.get(id);
      if (existing) this.indexes.remove(existing);
      this.indexes.add(customer);
    }
    this.customers.set(id, customer);
    this.nextCustomerId = Math.max(this.nextCustomerId, id + 1);
    for (const address of customer.addresses ?? [])
      this.nextAddressId = Math.max(this.nextAddressId, (address.id ?? 0) + 1);
  }

  private build(
    data: Record<string, unknown>,
    existing: MagentoCustomer | undefined,
    now: string,
  ): MagentoCustomer {
    const merged: Record<string, unknown> = { ...(existing ?? {}), ...data };
    validateCustomer(merged);
    const email = String(merged.email);
    const websiteId = integerOr(merged.website_id, 1);
    for (const other of this.customers.values()) {
      if (
        other.id !== existing?.id &&
        other.website_id === websiteId &&
        other.email?.toLowerCase() === email.toLowerCase()
      ) {
        throw new MagentoApiError(400, MESSAGES.emailExists);
      }
    }
    const id = existing?.id ?? this.nextCustomerId;
    const addresses =
      data.addresses === undefined && existing
        ? (existing.addresses ?? [])
        : listOf(data.addresses, 'addresses').map((item) =>
            this.buildAddress(asObject(item, 'address'), id, existing),
          );
    const defaultBilling = defaultAddressId(addresses, 'default_billing', merged.default_billing);
    const defaultShipping = defaultAddressId(addresses, 'default_shipping', merged.default_shipping);
    for (const address of addresses) {
      delete address.default_billing;
      delete address.default_shipping;
      if (String(address.id) === defaultBilling) address.default_billing = true;
      if (String(address.id) === defaultShipping) address.default_shipping = true;
    }
    const extension = { ...asRecord(existing?.extension_attributes), ...asRecord(data.extension_attributes) };
    if (extension.is_subscribed === undefined) extension.is_subscribed = false;
    if (this.options.b2b) {
      extension.company_attributes = {
        company_id: 0,
        ...asRecord(extension.company_attributes),
        customer_id: id,
      };
    }
    return compact({
      id,
      group_id: integerOr(merged.group_id, 1),
      default_billing: defaultBilling,
      default_shipping: defaultShipping,
      confirmation: optionalText(merged.confirmation),
      created_at: existing?.created_at ?? now,
      updated_at: now,
      created_in: optionalText(merged.created_in) ?? 'Default Store View',
      dob: optionalText(merged.dob),
      email,
      firstname: String(merged.firstname),
      lastname: String(merged.lastname),
      middlename: optionalText(merged.middlename),
      prefix: optionalText(merged.prefix),
      suffix: optionalText(merged.suffix),
      gender: merged.gender === undefined ? undefined : integerOr(merged.gender, 0),
      store_id: integerOr(merged.store_id, 1),
      taxvat: optionalText(merged.taxvat),
      website_id: websiteId,
      addresses,
      disable_auto_group_change: integerOr(merged.disable_auto_group_change, 0),
      extension_attributes: extension,
    });
  }

  private buildAddress(
    data: Record<string, unknown>,
    customerId: number,
    existing: MagentoCustomer | undefined,
  ): MagentoAddress {
    for (const field of ['firstname', 'lastname', 'city', 'country_id', 'telephone']) {
      if (blank(data[field])) throw required(field);
    }
    const street = listOf(data.street, 'street').map(String);
    if (street.length === 0 || street.every((line) => line.trim() === '')) throw required('street');
    const country = String(data.country_id);
    if (!isCountryCode(country))
      throw new MagentoApiError(400, MESSAGES.invalidFieldValue, { fieldName: 'countryId', value: country });
    const knownId =
      typeof data.id === 'number' && existing?.addresses?.some((address) => address.id === data.id);
    const region = regionOf(data.region, data.region_id);
    const address: MagentoAddress = compact({
      id: knownId ? (data.id as number) : this.nextAddressId++,
      customer_id: customerId,
      region,
      region_id: region.region_id,
      country_id: country,
      street,
      company: optionalText(data.company),
      telephone: String(data.telephone),
      fax: optionalText(data.fax),
      postcode: optionalText(data.postcode),
      city: String(data.city),
      firstname: String(data.firstname),
      lastname: String(data.lastname),
      middlename: optionalText(data.middlename),
      prefix: optionalText(data.prefix),
      suffix: optionalText(data.suffix),
      vat_id: optionalText(data.vat_id),
    });
    if (data.default_billing === true) address.default_billing = true;
    if (data.default_shipping === true) address.default_shipping = true;
    return address;
  }
}

function validateCustomer(data: Record<string, unknown>): void {
  const errors: MagentoApiError[] = [];
  if (blank(data.firstname)) errors.push(required('firstname'));
  if (blank(data.lastname)) errors.push(required('lastname'));
  if (typeof data.email !== 'string' || !EMAIL.test(data.email)) {
    errors.push(
      new MagentoApiError(400, MESSAGES.invalidFieldValue, {
        fieldName: 'email',
        value: String(data.email ?? ''),
      }),
    );
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) {
    throw new MagentoApiError(
      400,
      MESSAGES.inputExceptions,
      undefined,
      errors.map((error) => error.body()),
    );
  }
}

/** The default address: the one flagged in the request, else the customer's id if that address is still there. */
function defaultAddressId(
  addresses: MagentoAddress[],
  flag: 'default_billing' | 'default_shipping',
  requested: unknown,
): string | undefined {
  const flagged = addresses.find((address) => address[flag] === true);
  if (flagged) return String(flagged.id);
  const wanted = requested === undefined || requested === null ? undefined : String(requested);
  return addresses.some((address) => String(address.id) === wanted) ? wanted : undefined;
}

function regionOf(region: unknown, regionId: unknown): MagentoRegion {
  const data = asRecord(region);
  const id = integerOr(data.region_id ?? regionId, 0);
  const name = optionalText(data.region) ?? null;
  const code = optionalText(data.region_code) ?? (id === 0 ? name : null);
  return { region_code: code, region: name, region_id: id };
}

function asObject(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw required(name);
  return value as Record<string, unknown>;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function listOf(value: unknown, name: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value))
    throw new MagentoApiError(400, MESSAGES.invalidType, { value: String(value), type: `${name}[]` });
  return value;
}

function blank(value: unknown): boolean {
  return value === undefined || value === null || String(value).trim() === '';
}

function optionalText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value);
}

function integerOr(value: unknown, fallback: number): number {
  const parsed = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isFinite(parsed) ? parsed : fallback;
}

/** Magento leaves out null values; so does the simulator. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
