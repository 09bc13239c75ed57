/**
 * The generated customers as the store's search sees them (seed.ts GeneratedShop: generated on demand, none
 * kept as objects), in the two orders the generated shop has without sorting anything: by entity_id (the
 * index order) and by (updated_at, entity_id). A generated customer that was changed, deleted or loaded over
 * is hidden: the store keeps its new version (if any) in the overlay, and the base skips it. Hidden
 * positions are kept sorted per order, so that counting them in a range is a binary search.
 */
import type { MagentoCustomer } from '../../adapters/magento/magento-types.ts';
import type { GeneratedShop } from './seed.ts';
import type { Value } from './simulator-search.ts';

export type BaseOrderName = 'entity_id' | 'updated_at';

/** Fields every generated customer has with the same value: an equality filter on them fixes all or none. */
export const BASE_CONSTANTS: Readonly<Record<string, number>> = { website_id: 1, store_id: 1 };

export class BaseCustomers {
  private readonly hidden = new Set<number>();
  private readonly sortedHidden = new Map<BaseOrderName, Float64Array>();

  constructor(readonly shop: GeneratedShop | null) {}

  get count(): number {
    return this.shop?.count ?? 0;
  }

  /** How many generated customers are not hidden. */
  get visible(): number {
    return this.count - this.hidden.size;
  }

  /** The index of the visible generated customer with this id, or -1. */
  indexOfId(id: number): number {
    const index = this.shop && Number.isInteger(id) ? this.shop.indexOfId(id) : -1;
    return index >= 0 && !this.hidden.has(index) ? index : -1;
  }

  /** The index of the visible generated customer with this folded e-mail, or -1. */
  indexOfEmail(folded: string): number {
    const index = this.shop ? this.shop.indexOfEmail(folded) : -1;
    return index >= 0 && !this.hidden.has(index) ? index : -1;
  }

  customerAt(index: number): MagentoCustomer {
    return (this.shop as GeneratedShop).customerAt(index);
  }

  /** Hides the generated customer with this id (changed, deleted or replaced); false if there is none. */
  hide(id: number): boolean {
    const index = this.indexOfId(id);
    if (index < 0) return false;
    this.hidden.add(index);
    this.sortedHidden.clear();
    return true;
  }

  /** The visible generated customers' indexes, ascending (= by id). */
  *indexes(): Generator<number> {
    for (let index = 0; index < this.count; index++) if (!this.hidden.has(index)) yield index;
  }

  order(name: BaseOrderName): BaseOrder {
    return new BaseOrder(this, name, this.hiddenPositions(name));
  }

  isHidden(index: number): boolean {
    return this.hidden.has(index);
  }

  private hiddenPositions(name: BaseOrderName): Float64Array {
    let sorted = this.sortedHidden.get(name);
    if (!sorted) {
      const shop = this.shop as GeneratedShop;
      sorted = Float64Array.from(this.hidden, (index) =>
        name === 'entity_id' ? index : shop.positionByUpdated(index),
      ).sort();
      this.sortedHidden.set(name, sorted);
    }
    return sorted;
  }
}

/** The generated customers in one order: positions 0..count-1, hidden ones included (and counted apart). */
export class BaseOrder {
  readonly size: number;

  constructor(
    private readonly base: BaseCustomers,
    readonly name: BaseOrderName,
    private readonly hidden: Float64Array,
  ) {
    this.size = base.count;
  }

  indexAt(position: number): number {
    const shop = this.base.shop as GeneratedShop;
    return this.name === 'entity_id' ? position : shop.indexByUpdated(position);
  }

  /** The value of a key field of the customer at `position`: entity_id, updated_at or a base constant. */
  value(position: number, field: string): Value {
    const shop = this.base.shop as GeneratedShop;
    const index = this.indexAt(position);
    if (field === 'entity_id') return shop.idAt(index);
    if (field === 'updated_at') return shop.updatedAt(index);
    return BASE_CONSTANTS[field] ?? null;
  }

  isHiddenAt(position: number): boolean {
    return this.base.isHidden(this.indexAt(position));
  }

  /** How many hidden positions lie in [from, to). */
  hiddenIn(from: number, to: number): number {
    return lowerBound(this.hidden, to) - lowerBound(this.hidden, from);
  }

  customerAt(position: number): MagentoCustomer {
    return this.base.customerAt(this.indexAt(position));
  }
}

function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
