/**
 * A range of the search's order over both parts of the store: the generated customers (simulator-base.ts,
 * positions [lo, hi) of one base order, hidden ones skipped) and the overlay's customers (positions
 * [olo, ohi) of its sorted index). No customer is in both (an overlaid customer is hidden in the base), so
 * the range is the merge of the two; its size is a subtraction, and its k-th customer is found by binary
 * searches (O(log² N)), not by walking k customers.
 */
import type { MagentoCustomer } from '../../adapters/magento/magento-types.ts';
import type { BaseOrder } from './simulator-base.ts';
import type { KeyField } from './simulator-indexes.ts';
import { compareValues } from './simulator-search.ts';

export interface RangePart<T> {
  from: number;
  to: number;
  records: T;
}

export class MergedRange {
  constructor(
    private readonly base: RangePart<BaseOrder>,
    private readonly overlay: RangePart<readonly MagentoCustomer[]>,
    /** The sort order without the fixed prefix; ties by entity_id. */
    private readonly orders: readonly KeyField[],
  ) {}

  get size(): number {
    const { from, to, records } = this.base;
    return to - from - records.hiddenIn(from, to) + (this.overlay.to - this.overlay.from);
  }

  /** The customers from rank `start` on, in order (at most `limit`). */
  slice(start: number, limit: number): MagentoCustomer[] {
    const result: MagentoCustomer[] = [];
    if (limit <= 0) return result;
    const [p, j] = this.seek(start);
    for (const customer of this.walk(p, j)) {
      result.push(customer);
      if (result.length >= limit) break;
    }
    return result;
  }

  /** Every customer of the range, in order. */
  *all(): Generator<MagentoCustomer> {
    yield* this.walk(this.base.from, this.overlay.from);
  }

  private *walk(fromBase: number, fromOverlay: number): Generator<MagentoCustomer> {
    const { to, records: order } = this.base;
    const { to: overlayTo, records } = this.overlay;
    let p = fromBase;
    let j = fromOverlay;
    for (;;) {
      while (p < to && order.isHiddenAt(p)) p++;
      const next = j < overlayTo ? (records[j] as MagentoCustomer) : undefined;
      if (p >= to && next === undefined) return;
      if (p < to && (next === undefined || this.compare(p, next) < 0)) yield order.customerAt(p++);
      else {
        j++;
        yield next as MagentoCustomer;
      }
    }
  }

  /** Where the customer of rank `rank` is: a base position and an overlay position to merge on from. */
  private seek(rank: number): [number, number] {
    const { from, to, records: order } = this.base;
    const { from: overlayFrom, to: overlayTo, records } = this.overlay;
    // How many overlay customers rank before `rank`: customer j ranks at j + the visible base before it.
    let low = 0;
    let high = overlayTo - overlayFrom;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const customer = records[overlayFrom + middle] as MagentoCustomer;
      const q = this.search(from, to, (p) => this.compare(p, customer) < 0);
      if (middle + (q - from - order.hiddenIn(from, q)) < rank) low = middle + 1;
      else high = middle;
    }
    const wanted = rank - low;
    const p = this.search(from, to, (position) => position - from - order.hiddenIn(from, position) < wanted);
    return [p, overlayFrom + low];
  }

  /** The first position in [from, to) for which `before` is false (it is true for a prefix). */
  private search(from: number, to: number, before: (position: number) => boolean): number {
    let low = from;
    let high = to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(middle)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The base customer at `position` against an overlay customer, in the search's order. */
  private compare(position: number, customer: MagentoCustomer): number {
    const order = this.base.records;
    for (const { name, field, descending } of this.orders) {
      const result = compareValues(field.kind, order.value(position, name), field.get(customer));
      if (result !== 0) return descending ? -result : result;
    }
    return (order.value(position, 'entity_id') as number) - (customer.id ?? 0);
  }
}
