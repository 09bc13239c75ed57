/**
 * Generates a realistic, deterministic Magento shop for the simulator: international customers with
 * diacritics, real postcodes and area codes, phones in international format, several addresses with
 * separate default billing and shipping, customers without an address, B2B customers with company and
 * VAT id (on the billing address, or in the customer's taxvat), optional Adobe Commerce B2B companies,
 * a bulk update that gave many customers the same updated_at, and a share of deliberately broken records.
 * The same options always give the same shop.
 *
 * A million customers do not fit a simulator as objects, so the shop holds none: customer i is generated on
 * demand from (seed, i) (seed-customer.ts). Generating the shop is one pass that keeps a few numbers a
 * customer in typed arrays (about 30 bytes): the id (ids grow with i, with gaps of deleted customers),
 * updated_at, the number appended to a taken e-mail, the order by (updated_at, entity_id), and a hash index
 * of the e-mails (kit/text-hash-index.ts), which also makes them unique.
 */

import { toMagentoDate } from '../../adapters/magento/magento-dates.ts';
import type { MagentoCompany, MagentoCustomer } from '../../adapters/magento/magento-types.ts';
import { recordSeed } from '../kit/record-seed.ts';
import { TextHashIndex } from '../kit/text-hash-index.ts';
import { DEFAULT_SEED_UNTIL, SAMPLE_LOCALES } from '../sample-data/locales.ts';
import { Prng } from '../sample-data/prng.ts';
import { type BrokenKind, BrokenRecords, ZERO_DATE } from './seed-broken.ts';
import { ADDRESSES_PER_CUSTOMER, customerOf, timesAt } from './seed-customer.ts';
import { emailOf, type Identity, identityAt } from './seed-identity.ts';

export { asciiFold } from '../sample-data/email.ts';
export type { BrokenKind } from './seed-broken.ts';

export const SEED_LOCALES = SAMPLE_LOCALES;
export { DEFAULT_SEED_UNTIL };

export interface SeedOptions {
  customers: number;
  seed: number;
  /** Share of customers (0..1) that are deliberately broken. */
  brokenShare: number;
  /** Adobe Commerce B2B: company_attributes on every customer and company entities for company users. */
  b2b: boolean;
  /** No generated timestamp is later than this. */
  until: Date;
}

/** A shop as objects: given to the store's `load` (tests), or generated in full for small shops. */
export interface SeededShop {
  customers: MagentoCustomer[];
  companies: MagentoCompany[];
  /** Ids of the deliberately broken customers and how they are broken. */
  broken: Map<number, BrokenKind>;
}

const GAP_STREAM = 5;
/** updated_at is kept as seconds since this instant, + 1 (0: the zero date of a broken record). */
const TIME_BASE = Date.parse('2015-01-01T00:00:00Z') / 1000;

export class GeneratedShop {
  readonly count: number;
  readonly broken: BrokenRecords;
  private readonly ids: Uint32Array;
  private readonly updated: Uint32Array;
  private readonly suffixes: Uint16Array;
  /** updated * 2^shift + index, ascending: the customers in the order (updated_at, entity_id). */
  private readonly byUpdated: Float64Array;
  private readonly shift: number;
  private readonly emails: TextHashIndex;

  constructor(readonly options: SeedOptions) {
    const count = Math.max(0, Math.floor(options.customers));
    this.count = count;
    this.broken = new BrokenRecords(options.seed, count, options.brokenShare);
    this.ids = new Uint32Array(count);
    this.updated = new Uint32Array(count);
    this.suffixes = new Uint16Array(count);
    this.byUpdated = new Float64Array(count);
    this.shift = 2 ** Math.max(1, Math.ceil(Math.log2(count + 1)));
    this.emails = new TextHashIndex(count);
    const until = options.until.getTime();
    let id = 0;
    for (let index = 0; index < count; index++) {
      // Deleted customers leave gaps in the ids.
      const gaps = new Prng(recordSeed(options.seed, index, GAP_STREAM));
      id += gaps.chance(0.05) ? gaps.int(2, 4) : 1;
      this.ids[index] = id;
      const kind = this.broken.kindAt(index);
      const time =
        kind === 'date' ? 0 : timesAt(options.seed, index, count, until).updated / 1000 - TIME_BASE + 1;
      if (time * this.shift + index >= Number.MAX_SAFE_INTEGER) throw new RangeError('too many customers');
      this.updated[index] = time;
      this.byUpdated[index] = time * this.shift + index;
      const identity = identityAt(options.seed, index);
      // A taken address gets a number, drawn from a range that grows with every try (no O(k²) for k namesakes).
      let suffix = 0;
      for (
        let tries = 1;
        !this.emails.add(this.finalEmail(index, identity, suffix, kind).toLowerCase(), index);
        tries++
      )
        suffix = 2 + gaps.int(0, Math.min(65_533, 4 << Math.min(tries, 14)));
      this.suffixes[index] = suffix;
    }
    this.byUpdated.sort();
  }

  idAt(index: number): number {
    return this.ids[index] as number;
  }

  get lastId(): number {
    return this.count === 0 ? 0 : (this.ids[this.count - 1] as number);
  }

  /** The first address id after the generated ones. */
  get nextAddressId(): number {
    return this.count * ADDRESSES_PER_CUSTOMER + 1;
  }

  /** The index of the customer with this id, or -1. */
  indexOfId(id: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.ids[middle] as number) < id) low = middle + 1;
      else high = middle;
    }
    return low < this.count && this.ids[low] === id ? low : -1;
  }

  /** The index of the customer whose e-mail is `folded` (folded as the collation compares), or -1. */
  indexOfEmail(folded: string): number {
    const index = this.emails.get(folded);
    return index >= 0 && this.emailAt(index).toLowerCase() === folded ? index : -1;
  }

  emailAt(index: number): string {
    return this.finalEmail(index, identityAt(this.options.seed, index), this.suffixes[index] as number);
  }

  /** updated_at of customer `index` as Magento renders it. */
  updatedAt(index: number): string {
    const time = this.updated[index] as number;
    return time === 0 ? ZERO_DATE : toMagentoDate(new Date((time - 1 + TIME_BASE) * 1000));
  }

  /** The index of the customer at `position` in the order (updated_at, entity_id). */
  indexByUpdated(position: number): number {
    return (this.byUpdated[position] as number) % this.shift;
  }

  /** The position of customer `index` in the order (updated_at, entity_id). */
  positionByUpdated(index: number): number {
    const key = (this.updated[index] as number) * this.shift + index;
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.byUpdated[middle] as number) < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  customerAt(index: number): MagentoCustomer {
    return this.generate(index).customer;
  }

  /** The company with this id (a company user's, B2B shops only). */
  companyOf(id: number): MagentoCompany | undefined {
    const index = id - 1;
    if (!this.options.b2b || !Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    return this.generate(index).company;
  }

  private generate(index: number): { customer: MagentoCustomer; company?: MagentoCompany } {
    const { seed, b2b } = this.options;
    const identity = identityAt(seed, index);
    const kind = this.broken.kindAt(index);
    const generated = customerOf({
      seed,
      index,
      id: this.idAt(index),
      identity,
      email: this.finalEmail(index, identity, this.suffixes[index] as number, kind),
      created: timesAt(seed, index, this.count, this.options.until.getTime()).created,
      updatedAt: this.updatedAt(index),
      b2bShop: b2b,
    });
    if (kind === 'country')
      this.broken.breakCountry(index, generated.customer, index * ADDRESSES_PER_CUSTOMER + 1);
    return generated;
  }

  private finalEmail(
    index: number,
    identity: Identity,
    suffix: number,
    kind: BrokenKind | undefined = this.broken.kindAt(index),
  ): string {
    const email = emailOf(identity, suffix);
    return kind === 'email' ? this.broken.brokenEmail(index, email) : email;
  }
}

/** The whole shop as objects (tests and small shops; the simulator keeps a `GeneratedShop`). */
export function generateShop(options: SeedOptions): SeededShop {
  const shop = new GeneratedShop(options);
  const customers: MagentoCustomer[] = [];
  const companies: MagentoCompany[] = [];
  const broken = new Map<number, BrokenKind>();
  for (let index = 0; index < shop.count; index++) {
    customers.push(shop.customerAt(index));
    const company = shop.companyOf(index + 1);
    if (company) companies.push(company);
    const kind = shop.broken.kindAt(index);
    if (kind) broken.set(shop.idAt(index), kind);
  }
  return { customers, companies, broken };
}
