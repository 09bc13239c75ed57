/**
 * The Magento simulator's indexes over its customers, as MySQL keeps them for the customer grid: one sorted
 * index per key (a list of fields, then entity_id), made when a search first needs it and kept up to date
 * by the store from then on, and an index of the customers by e-mail (folded as the collation compares).
 * Customers are never changed in place: the store puts a new object and the indexes swap it.
 */
import type { MagentoCustomer } from '../../adapters/magento/magento-types.ts';
import { SortedIndex } from '../kit/sorted-index.ts';
import { compareValues, type Field, fieldOf } from './simulator-search.ts';

export interface KeyField {
  name: string;
  field: Field;
  descending: boolean;
}

/** The order of an index: its key fields, ties by entity_id ascending (as the search sorts). */
export function compareByKey(key: readonly KeyField[]): (a: MagentoCustomer, b: MagentoCustomer) => number {
  return (a, b) => {
    for (const { field, descending } of key) {
      const order = compareValues(field.kind, field.get(a), field.get(b));
      if (order !== 0) return descending ? -order : order;
    }
    return (a.id ?? 0) - (b.id ?? 0);
  };
}

/** utf8 general_ci: case- and accent-insensitive (as simulator-search.ts compares text). */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The indexes the adapter's searches use from the start: by (updated_at, entity_id) and by entity_id. */
const PREBUILT: ReadonlyArray<readonly KeyField[]> = [
  [{ name: 'updated_at', field: fieldOf('updated_at'), descending: false }],
  [],
];

export class MagentoIndexes {
  private readonly sorted = new Map<string, SortedIndex<MagentoCustomer>>();
  private emails: Map<string, MagentoCustomer[]> | null = null;

  /** `byId`: the primary key, the store's own map. */
  constructor(
    private readonly all: () => Iterable<MagentoCustomer>,
    readonly byId: (id: number) => MagentoCustomer | undefined,
  ) {}

  /** Builds the indexes the adapter needs (after a bulk load), so that its first page is not the slow one. */
  prebuild(): void {
    this.sorted.clear();
    this.emails = null;
    for (const key of PREBUILT) this.index(key);
  }

  /** The index in the order of `key` (made now if no search needed it before). */
  index(key: readonly KeyField[]): SortedIndex<MagentoCustomer> {
    const signature = key.map((part) => `${part.name}:${part.descending ? 'desc' : 'asc'}`).join(',');
    let index = this.sorted.get(signature);
    if (!index) {
      index = new SortedIndex(compareByKey(key));
      index.reset(this.all());
      this.sorted.set(signature, index);
    }
    return index;
  }

  /** The customers whose e-mail equals `email` as the collation compares (case and accents ignored). */
  byEmail(email: string): readonly MagentoCustomer[] {
    if (!this.emails) {
      this.emails = new Map();
      for (const customer of this.all()) this.addEmail(customer);
    }
    return this.emails.get(foldText(email)) ?? [];
  }

  add(customer: MagentoCustomer): void {
    for (const index of this.sorted.values()) index.add(customer);
    if (this.emails) this.addEmail(customer);
  }

  remove(customer: MagentoCustomer): void {
    for (const index of this.sorted.values()) index.remove(customer);
    if (this.emails && customer.email !== undefined) {
      const key = foldText(customer.email);
      const list = (this.emails.get(key) ?? []).filter((other) => other !== customer);
      if (list.length === 0) this.emails.delete(key);
      else this.emails.set(key, list);
    }
  }

  private addEmail(customer: MagentoCustomer): void {
    if (customer.email === undefined || customer.email === null) return;
    const key = foldText(customer.email);
    const list = this.emails?.get(key);
    if (list) list.push(customer);
    else this.emails?.set(key, [customer]);
  }
}
