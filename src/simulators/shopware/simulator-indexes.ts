/**
 * The Shopware simulator's sorted indexes over its customers, as MySQL keeps them: one per key (a list of
 * scalar fields; the search plans end every key with id, so the order is total), made when a search first
 * needs it and kept up to date by the store. Key values are normalised once per customer (dates to ms, ids
 * to lower case), so that sorting a million customers does not parse a million dates twenty times.
 * Customers are never changed in place in a key field: the store puts a new object and the indexes swap it.
 */
import type { ShopwareCustomer } from '../../adapters/shopware/shopware-types.ts';
import { SortedIndex } from '../kit/sorted-index.ts';
import { mysqlDate, toBool } from './simulator-criteria-eval.ts';
import type { FieldKind } from './simulator-schema.ts';

export interface KeyPart {
  field: string;
  kind: FieldKind;
  descending: boolean;
}

export type KeyValue = string | number | null;

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** A field value as the index compares it (null for NULL). */
export function keyValue(kind: FieldKind, value: unknown): KeyValue {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'date':
      return mysqlDate(value);
    case 'int':
    case 'float':
      return Number(value);
    case 'bool':
      return Number(toBool(value));
    case 'id':
      return String(value).toLowerCase();
    default:
      return String(value).trimEnd();
  }
}

/** NULL first; numbers as numbers; text by the collation; ids as lower-case text. */
export function compareKeyValues(kind: FieldKind, a: KeyValue, b: KeyValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (kind === 'id' || typeof a === 'number' || typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return collator.compare(a, b);
}

export function signatureOf(key: readonly KeyPart[]): string {
  return key.map((part) => `${part.field}:${part.kind}:${part.descending ? 'desc' : 'asc'}`).join(',');
}

/** One index: the customers in key order, with their key values. */
export class CustomerIndex {
  readonly sorted: SortedIndex<ShopwareCustomer>;
  private readonly keys = new WeakMap<ShopwareCustomer, KeyValue[]>();

  constructor(readonly key: readonly KeyPart[]) {
    this.sorted = new SortedIndex((a, b) => this.compareKeys(this.keyOf(a), b));
  }

  keyOf(customer: ShopwareCustomer): KeyValue[] {
    let values = this.keys.get(customer);
    if (!values) {
      const record = customer as unknown as Record<string, unknown>;
      values = this.key.map((part) => keyValue(part.kind, record[part.field]));
      this.keys.set(customer, values);
    }
    return values;
  }

  /** Compares a key (or a key prefix) with a customer's key, on as many parts as `values` has. */
  compareKeys(values: readonly KeyValue[], customer: ShopwareCustomer): number {
    const other = this.keyOf(customer);
    for (let i = 0; i < values.length; i++) {
      const part = this.key[i] as KeyPart;
      const order = compareKeyValues(part.kind, values[i] as KeyValue, other[i] as KeyValue);
      if (order !== 0) return part.descending ? -order : order;
    }
    return 0;
  }
}

/** Indexes by key, on the store's customers. */
export class ShopwareIndexes {
  private readonly indexes = new Map<string, CustomerIndex>();
  /** Counts the store's writes: a remembered answer is good while it has not moved. */
  private version = 0;
  /** The matches of the last exactly counted search (the pages of one group read share them). */
  private remembered: { signature: string; version: number; matched: ShopwareCustomer[] } | null = null;

  /** `byId`: the primary key, the store's own map. */
  constructor(
    private readonly all: () => Iterable<ShopwareCustomer>,
    readonly byId: (id: string) => ShopwareCustomer | undefined,
  ) {}

  index(key: readonly KeyPart[]): CustomerIndex {
    const signature = signatureOf(key);
    let index = this.indexes.get(signature);
    if (!index) {
      index = new CustomerIndex(key);
      index.sorted.reset(this.all());
      this.indexes.set(signature, index);
    }
    return index;
  }

  /** Drops every index (after a bulk load); the next search builds what it needs. */
  clear(): void {
    this.indexes.clear();
    this.touch();
  }

  add(customer: ShopwareCustomer): void {
    for (const index of this.indexes.values()) index.sorted.add(customer);
    this.touch();
  }

  remove(customer: ShopwareCustomer): void {
    for (const index of this.indexes.values()) index.sorted.remove(customer);
    this.touch();
  }

  /** A customer's data changed in place (an address written): remembered matches are void. */
  touch(): void {
    this.version += 1;
    this.remembered = null;
  }

  /**
   * Every match of a search that the store has not changed since (`signature`: its filters, sort and
   * range), or `find`'s answer, remembered for the next page: an exact count over a group of 100,000
   * equal times then costs one pass for the group, not one for every page of it.
   */
  matchesOf(signature: string, find: () => ShopwareCustomer[]): ShopwareCustomer[] {
    const memo = this.remembered;
    if (memo && memo.signature === signature && memo.version === this.version) return memo.matched;
    const matched = find();
    this.remembered = { signature, version: this.version, matched };
    return matched;
  }
}
