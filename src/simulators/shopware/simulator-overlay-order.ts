/**
 * The overlay's customers (written after generation) in a search's order, (createdAt, id) or (updatedAt,
 * id): sorted once per time field while the store is not written (the sort is remembered by version), then
 * each search starts at its lower time bound by binary search and checks the search's filters only on the
 * customers it reaches, until its page is full or its upper bound is passed.
 */
import type { ShopwareCustomer } from '../../adapters/shopware/shopware-types.ts';
import { mysqlDate } from './simulator-criteria-eval.ts';

export interface Keyed {
  /** ms since the epoch of the time field. */
  time: number;
  id: string;
  customer: ShopwareCustomer;
}

export interface TimeBound {
  time: number;
  inclusive: boolean;
}

const sortedByField = new WeakMap<object, { version: number; byField: Map<string, Keyed[]> }>();

export function compareKey(item: Keyed, time: number, id: string): number {
  if (item.time !== time) return item.time < time ? -1 : 1;
  return item.id < id ? -1 : item.id > id ? 1 : 0;
}

/** Every overlay customer with a time in `field`, by (time, id); remembered for `version`. */
function sortedOverlay(
  overlay: Map<string, ShopwareCustomer>,
  version: number,
  field: 'createdAt' | 'updatedAt',
): Keyed[] {
  let memo = sortedByField.get(overlay);
  if (!memo || memo.version !== version) {
    memo = { version, byField: new Map() };
    sortedByField.set(overlay, memo);
  }
  let sorted = memo.byField.get(field);
  if (!sorted) {
    sorted = [];
    for (const customer of overlay.values()) {
      const time = mysqlDate(customer[field]);
      if (time !== null) sorted.push({ time, id: customer.id.toLowerCase(), customer });
    }
    sorted.sort((a, b) => compareKey(a, b.time, b.id));
    memo.byField.set(field, sorted);
  }
  return sorted;
}

/** The overlay customers of one search, in its order, found as they are asked for. */
export class OverlayMatches {
  private readonly items: Keyed[];
  private next: number;
  private found: Keyed | null = null;

  constructor(
    overlay: Map<string, ShopwareCustomer>,
    version: number,
    field: 'createdAt' | 'updatedAt',
    lower: readonly TimeBound[],
    private readonly upper: readonly TimeBound[],
    private readonly matches: (customer: ShopwareCustomer) => boolean,
  ) {
    this.items = sortedOverlay(overlay, version, field);
    this.next = 0;
    for (const bound of lower) this.next = Math.max(this.next, this.firstFrom(bound));
  }

  /** The next match, without taking it; null after the last. */
  peek(): Keyed | null {
    while (this.found === null && this.next < this.items.length) {
      const item = this.items[this.next] as Keyed;
      if (
        this.upper.some((bound) => item.time > bound.time || (item.time === bound.time && !bound.inclusive))
      ) {
        this.next = this.items.length;
        break;
      }
      this.next += 1;
      if (this.matches(item.customer)) this.found = item;
    }
    return this.found;
  }

  take(): Keyed | null {
    const item = this.peek();
    this.found = null;
    return item;
  }

  /** How many matches are left (takes them). */
  count(): number {
    let count = 0;
    while (this.take()) count += 1;
    return count;
  }

  private firstFrom(bound: TimeBound): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const time = (this.items[mid] as Keyed).time;
      if (bound.inclusive ? time < bound.time : time <= bound.time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
