/**
 * The entity search for customers: the same answers as `search` (the scan in simulator-criteria-eval.ts),
 * in O(log N + page size) for the searches the adapter sends, over the generated shop (base-shop.ts,
 * nothing stored per customer but its order) merged with the overlay of customers written since:
 * - sorted by (createdAt, id) among never-changed customers (updatedAt = NULL), or by (updatedAt, id)
 *   among changed ones: index order of the base shop (its change time is non-decreasing in the index);
 * - sorted by (createdAt, id) over all customers: the base shop's createdAt order;
 * - sorted by id within `time = t` (a group of equal times read page by page): a range of those orders;
 * - range and equals filters on the time field are bounds found by binary search; every other filter is
 *   checked customer by customer inside the bounds (on the customer's skeleton where the fields allow);
 *   an exact total counts the range (by the kept counts where no other filter is left);
 * - `ids`: only the customers with those ids (the primary key), then the scan's rules over those.
 * Overlay customers are merged in from their own order (simulator-overlay-order.ts); base customers written
 * since are skipped. Criteria without such a plan (no sort, a term, natural sorting, to-many fields) fall back to
 * the scan over every customer.
 */
import { toRenderedDate } from '../../adapters/shopware/shopware-dates.ts';
import type { ShopwareCustomer } from '../../adapters/shopware/shopware-types.ts';
import type { BaseShop } from './base-shop.ts';
import { SALES_CHANNELS } from './simulator-catalog.ts';
import type { ParsedCriteria } from './simulator-criteria.ts';
import { evaluate, search } from './simulator-criteria-eval.ts';
import { compareKey, type Keyed, OverlayMatches } from './simulator-overlay-order.ts';
import { type Plan, planOf } from './simulator-search-plan.ts';

/** The store's data as the search reads it. */
export interface ShopData {
  base: BaseShop | null;
  /** Customers written after generation (changed generated ones and added ones), by id. */
  overlay: Map<string, ShopwareCustomer>;
  /** Generated customers (indexes) changed or deleted since: the base skips them. */
  shadowed: Set<number>;
  /** Counts the writes: a remembered count is good while it has not moved. */
  version: number;
}

type Result = { data: ShopwareCustomer[]; total: number };
type Row = Record<string, unknown>;

const counted = new WeakMap<ShopData, { key: string; version: number; count: number }>();

export function searchIndexed(data: ShopData, criteria: ParsedCriteria): Result {
  if (criteria.ids !== null) {
    const candidates = new Map<string, ShopwareCustomer>();
    for (const id of criteria.ids) {
      const customer = findById(data, id.toLowerCase());
      if (customer) candidates.set(customer.id, customer);
    }
    return scan([...candidates.values()], criteria);
  }
  const plan = data.base ? planOf(data.base, criteria) : null;
  if (!plan || !data.base) return scan(everyCustomer(data), criteria);
  return runPlan(data, data.base, plan, criteria);
}

function scan(customers: ShopwareCustomer[], criteria: ParsedCriteria): Result {
  return search(customers as unknown as Row[], criteria) as unknown as Result;
}

function findById(data: ShopData, id: string): ShopwareCustomer | undefined {
  const stored = data.overlay.get(id);
  if (stored || !data.base) return stored;
  const index = data.base.indexOf(id);
  return index >= 0 && !data.shadowed.has(index) ? data.base.customer(index) : undefined;
}

/** Every customer (the scan's input): generated ones in index order, then the overlay. */
function everyCustomer(data: ShopData): ShopwareCustomer[] {
  const all: ShopwareCustomer[] = [];
  const { base } = data;
  if (base) for (let i = 0; i < base.count; i++) if (!data.shadowed.has(i)) all.push(base.customer(i));
  all.push(...data.overlay.values());
  return all;
}

/** The record the residual filters are checked on: the skeleton's fields they read, or the customer made. */
function residualRecord(base: BaseShop, index: number, plan: Plan): Row {
  if (!plan.skeletonFields) return base.customer(index) as unknown as Row;
  const skeleton = base.skeleton(index);
  const record: Row = {};
  for (const field of plan.skeletonFields) {
    if (field === 'id') record.id = skeleton.id;
    else if (field === 'guest') record.guest = skeleton.guest;
    else if (field === 'salesChannelId')
      record.salesChannelId = skeleton.secondStorefront
        ? SALES_CHANNELS.storefrontCh
        : SALES_CHANNELS.storefront;
    else {
      const time = field === 'createdAt' ? skeleton.createdAt : skeleton.updatedAt;
      record[field] = time === null ? null : toRenderedDate(new Date(time));
    }
  }
  return record;
}

/** The index at a position of the order, if that customer belongs to the order and is not shadowed. */
function indexAt(data: ShopData, base: BaseShop, plan: Plan, position: number): number {
  const index = plan.order === 'created' ? (base.byCreated[position] as number) : position;
  if (plan.order === 'fresh' && !base.isFresh(index)) return -1;
  if (plan.order === 'changed' && base.isFresh(index)) return -1;
  return data.shadowed.has(index) ? -1 : index;
}

function matchesResidual(base: BaseShop, index: number, plan: Plan): boolean {
  if (plan.checks.length === 0) return true;
  const id = base.skeleton(index).id;
  let record: Row | null = null;
  const made = () => {
    record ??= residualRecord(base, index, plan);
    return record;
  };
  return plan.checks.every((check) => check(id, made));
}

function runPlan(data: ShopData, base: BaseShop, plan: Plan, criteria: ParsedCriteria): Result {
  const overlayOf = () =>
    new OverlayMatches(data.overlay, data.version, plan.timeField, plan.lower, plan.upper, (customer) =>
      criteria.filters.every(
        (filter) => evaluate('customer', filter, customer as unknown as Row, false) === true,
      ),
    );
  const overlay = overlayOf();
  const { offset, limit, totalCountMode: mode } = criteria;
  // Matches wanted from the merge: the page, and for "next pages" up to 6 pages more.
  const wanted = limit === null ? Number.POSITIVE_INFINITY : offset + (mode === 2 ? limit * 6 + 1 : limit);
  const page: ShopwareCustomer[] = [];
  let found = 0;
  const timeOf = (index: number) =>
    plan.order === 'created'
      ? (base.createdSorted[base.positionByCreated(index)] as number)
      : base.timeline.changeTime(index);
  const take = (customer: () => ShopwareCustomer) => {
    if (found >= offset && (limit === null || page.length < limit)) page.push(customer());
    found += 1;
  };
  const fromOverlay = (item: Keyed) => take(() => item.customer);
  for (let position = plan.lo; position < plan.hi && found < wanted; position++) {
    const index = indexAt(data, base, plan, position);
    if (index < 0 || !matchesResidual(base, index, plan)) continue;
    if (overlay.peek()) {
      const time = timeOf(index);
      const id = base.skeleton(index).id;
      for (
        let item = overlay.peek();
        item && found < wanted && compareKey(item, time, id) < 0;
        item = overlay.peek()
      )
        fromOverlay(overlay.take() as Keyed);
      if (found >= wanted) break;
    }
    take(() => base.customer(index));
  }
  while (found < wanted && overlay.peek()) fromOverlay(overlay.take() as Keyed);
  if (mode === 1) return { data: page, total: exactCount(data, base, plan) + overlayOf().count() };
  if (mode === 2 && limit !== null)
    return { data: page, total: Math.min(Math.max(0, found - offset), limit * 6 + 1) };
  return { data: page, total: page.length };
}

/** The base customers in the plan's range that match (by the kept counts where no filter is left). */
function exactCount(data: ShopData, base: BaseShop, plan: Plan): number {
  const { lo, hi, order } = plan;
  if (plan.residual.length === 0) {
    const inRange =
      order === 'created'
        ? hi - lo
        : order === 'fresh'
          ? base.freshCount(lo, hi)
          : hi - lo - base.freshCount(lo, hi);
    let shadowed = 0;
    for (const index of data.shadowed) {
      const position = order === 'created' ? base.positionByCreated(index) : index;
      if (position < lo || position >= hi) continue;
      if (order === 'created' || base.isFresh(index) === (order === 'fresh')) shadowed += 1;
    }
    return inRange - shadowed;
  }
  // Remembered while nothing is written: the pages of one group read share one count.
  const key = JSON.stringify([order, lo, hi, plan.residual]);
  const memo = counted.get(data);
  if (memo && memo.key === key && memo.version === data.version) return memo.count;
  let count = 0;
  for (let position = lo; position < hi; position++) {
    const index = indexAt(data, base, plan, position);
    if (index >= 0 && matchesResidual(base, index, plan)) count += 1;
  }
  counted.set(data, { key, version: data.version, count });
  return count;
}
