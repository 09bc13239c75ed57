/**
 * The customer search on the store's indexes: the same answers as `searchCustomers` (the scan in
 * simulator-search.ts), in O(log N + page size) for the searches the adapter sends, as MySQL answers them
 * from an index instead of reading the table. The store has two parts, searched together: the generated
 * customers (simulator-base.ts: in the orders by entity_id and by (updated_at, entity_id), generated on
 * demand) and the overlay of changed and added customers (sorted indexes, simulator-indexes.ts):
 * - a sort order by updated_at (or none: entity_id), prefixed by website_id or store_id when a group
 *   compares it for equality with a number, so that filter and order come from one range of each part;
 * - range filters on the first sort field (gteq, gt, lteq, lt, eq) and the keyset pair
 *   "updated_at >= t" with "updated_at > t OR entity_id > id" become bounds found by binary search;
 *   the two parts' ranges are merged (simulator-merged-range.ts);
 * - an `in` filter on email reads only the customers with those e-mails (the e-mail indexes), one on
 *   entity_id only the customers with those ids (the primary key);
 * - any other group is checked customer by customer inside the bounds (exact, but then the total needs a
 *   pass over the range), and criteria without a plan (other sort orders) fall back to the scan.
 */
import type { MagentoCustomer } from '../../adapters/magento/magento-types.ts';
import type { SearchCriteria, SearchFilter } from '../../adapters/magento/search-criteria.ts';
import { BASE_CONSTANTS, type BaseCustomers, type BaseOrder } from './simulator-base.ts';
import { compareByKey, type KeyField, type MagentoIndexes } from './simulator-indexes.ts';
import { MergedRange } from './simulator-merged-range.ts';
import {
  compareValues,
  fieldOf,
  matches,
  normalize,
  type PastLastPage,
  type SearchResult,
  searchCustomers,
  type Value,
} from './simulator-search.ts';

type Group = Array<{ filter: SearchFilter; field: ReturnType<typeof fieldOf> }>;

/** A bound of the index range: the key prefix `values`; inclusive or not. */
interface Bound {
  values: Value[];
  inclusive: boolean;
}

/** What the search reads: both parts of the store, and look-ups over both. */
export interface SearchSource {
  overlay: MagentoIndexes;
  base: BaseCustomers;
  byId(id: number): MagentoCustomer | undefined;
  byEmail(email: string): readonly MagentoCustomer[];
  /** Every customer (for the scan). */
  all(): readonly MagentoCustomer[];
}

export function searchIndexed(
  source: SearchSource,
  criteria: SearchCriteria,
  pastLastPage: PastLastPage = 'empty',
): SearchResult {
  // The scan's checks first, in its order, so that a bad field gives the same 400.
  const groups: Group[] = criteria.filterGroups
    .filter((filters) => filters.length > 0)
    .map((filters) => filters.map((filter) => ({ field: fieldOf(filter.field), filter })));
  const orders: KeyField[] = criteria.sortOrders.map((order) => ({
    name: order.field,
    field: fieldOf(order.field),
    descending: order.direction !== 'ASC',
  }));
  if (orders.length > 0 && orders.at(-1)?.name === 'entity_id' && !orders.at(-1)?.descending) orders.pop();

  const emailGroup = groups.findIndex(
    (group) =>
      group.length === 1 && group[0]?.filter.field === 'email' && group[0].filter.conditionType === 'in',
  );
  if (emailGroup >= 0) return byEmails(source, groups, orders, criteria, pastLastPage, emailGroup);
  // entity_id in (...): only those customers, by the primary key (the adapter's reads by id).
  const idGroup = criteria.filterGroups.find(
    (group) => group.length === 1 && group[0]?.field === 'entity_id' && group[0].conditionType === 'in',
  );
  if (idGroup?.[0]?.value !== undefined) {
    const candidates = new Map<number, MagentoCustomer>();
    for (const item of idGroup[0].value.split(',')) {
      const id = normalize('number', item) as number;
      const customer = candidates.has(id) ? undefined : source.byId(id);
      if (customer) candidates.set(id, customer);
    }
    return searchCustomers([...candidates.values()], criteria, pastLastPage);
  }
  const baseOrder = orders.length === 0 ? 'entity_id' : orders.length === 1 ? orders[0]?.name : undefined;
  if ((baseOrder !== 'entity_id' && baseOrder !== 'updated_at') || orders[0]?.descending)
    return searchCustomers(source.all(), criteria, pastLastPage);

  const residual = [...groups];
  const key: KeyField[] = [];
  const prefix: Value[] = [];
  const equality = residual.findIndex((group) => {
    const only = group.length === 1 ? group[0] : undefined;
    return (
      only !== undefined &&
      BASE_CONSTANTS[only.filter.field] !== undefined &&
      (only.filter.conditionType ?? 'eq') === 'eq' &&
      only.filter.value !== undefined
    );
  });
  if (equality >= 0) {
    const { filter, field } = (residual.splice(equality, 1)[0] as Group)[0] as Group[number];
    key.push({ name: filter.field, field, descending: false });
    prefix.push(normalize('number', filter.value as string));
  }
  key.push(...orders);
  const lower: Bound[] = [{ values: prefix, inclusive: true }];
  const upper: Bound[] = [{ values: prefix, inclusive: true }];
  absorbBounds(residual, orders, prefix, lower, upper);

  const index = source.overlay.index(key);
  const overlayCompare = prefixComparator(key);
  const order = source.base.order(baseOrder);
  const baseCompare = (position: number, values: Value[]) => compareBase(order, key, position, values);
  const overlayLo = Math.max(
    ...lower.map((bound) => index.lowerBound((r) => beforeLower(overlayCompare(r, bound.values), bound))),
  );
  const overlayHi = Math.min(
    ...upper.map((bound) => index.lowerBound((r) => !afterUpper(overlayCompare(r, bound.values), bound))),
  );
  const baseLo = Math.max(
    ...lower.map((bound) =>
      positionBound(order.size, (p) => beforeLower(baseCompare(p, bound.values), bound)),
    ),
  );
  const baseHi = Math.min(
    ...upper.map((bound) =>
      positionBound(order.size, (p) => !afterUpper(baseCompare(p, bound.values), bound)),
    ),
  );
  const merged = new MergedRange(
    { from: baseLo, to: Math.max(baseLo, baseHi), records: order },
    { from: overlayLo, to: Math.max(overlayLo, overlayHi), records: index.records() },
    orders,
  );
  const { offset, size } = pageOf(criteria);
  if (residual.length === 0) {
    const totalCount = merged.size;
    const start = pageStart(offset, size, totalCount, pastLastPage);
    return { items: merged.slice(start, size ?? totalCount), totalCount };
  }
  const matched: MagentoCustomer[] = [];
  for (const customer of merged.all())
    if (residual.every((group) => group.some(({ field, filter }) => matches(field, filter, customer))))
      matched.push(customer);
  return page(matched, offset, size, pastLastPage);
}

/** The first of `size` positions for which `before` is false (it is true for a prefix). */
function positionBound(size: number, before: (position: number) => boolean): number {
  let low = 0;
  let high = size;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Compares the generated customer at `position` with a key prefix, as `prefixComparator` does. */
function compareBase(order: BaseOrder, key: readonly KeyField[], position: number, values: Value[]): number {
  for (let i = 0; i < values.length; i++) {
    const part = key[i];
    const kind = part ? part.field.kind : 'number';
    const result = compareValues(kind, order.value(position, part?.name ?? 'entity_id'), values[i] as Value);
    if (result !== 0) return part?.descending ? -result : result;
  }
  return 0;
}

/** Turns groups that are ranges of the first sort field (and the keyset pair) into bounds; removes them. */
function absorbBounds(
  residual: Group[],
  orders: readonly KeyField[],
  prefix: Value[],
  lower: Bound[],
  upper: Bound[],
): void {
  // Without a sort order the index is in entity_id order: its ranges are bounds too.
  const first = orders[0] ?? { name: 'entity_id', field: fieldOf('entity_id'), descending: false };
  if (first.descending) return;
  const onFirst = (filter: SearchFilter) => filter.field === first.name && filter.value !== undefined;
  const gteq = new Map<string, Value>();
  for (let i = residual.length - 1; i >= 0; i--) {
    const group = residual[i] as Group;
    const only = group.length === 1 ? (group[0] as Group[number]) : null;
    if (!only || !onFirst(only.filter)) continue;
    const value = normalize(first.field.kind, only.filter.value as string);
    const condition = only.filter.conditionType ?? 'eq';
    if (condition === 'gteq' || condition === 'moreq' || condition === 'from') {
      lower.push({ values: [...prefix, value], inclusive: true });
      gteq.set(String(only.filter.value), value);
    } else if (condition === 'gt') lower.push({ values: [...prefix, value], inclusive: false });
    else if (condition === 'lteq' || condition === 'to')
      upper.push({ values: [...prefix, value], inclusive: true });
    else if (condition === 'lt') upper.push({ values: [...prefix, value], inclusive: false });
    else if (condition === 'eq') {
      lower.push({ values: [...prefix, value], inclusive: true });
      upper.push({ values: [...prefix, value], inclusive: true });
    } else continue;
    // NULL matches no comparison: the range starts after the NULLs, which sort first.
    if (condition === 'lt' || condition === 'lteq' || condition === 'to')
      lower.push({ values: [...prefix, null], inclusive: false });
    residual.splice(i, 1);
  }
  // The keyset pair: (first > t OR entity_id > id) together with first >= t is "(first, entity_id) > (t, id)".
  if (orders.length !== 1) return;
  for (let i = residual.length - 1; i >= 0; i--) {
    const group = residual[i] as Group;
    const [a, b] = group;
    if (group.length !== 2 || !a || !b) continue;
    if (!onFirst(a.filter) || a.filter.conditionType !== 'gt') continue;
    if (b.filter.field !== 'entity_id' || b.filter.conditionType !== 'gt' || b.filter.value === undefined)
      continue;
    const t = gteq.get(String(a.filter.value));
    if (t === undefined) continue;
    lower.push({ values: [...prefix, t, normalize('number', b.filter.value)], inclusive: false });
    residual.splice(i, 1);
  }
}

/** Compares a customer's key with a key prefix (as many fields as the prefix has; entity_id last). */
function prefixComparator(key: readonly KeyField[]): (customer: MagentoCustomer, values: Value[]) => number {
  return (customer, values) => {
    for (let i = 0; i < values.length; i++) {
      const part = key[i];
      const value = values[i] as Value;
      const order = part
        ? compareValues(part.field.kind, part.field.get(customer), value)
        : compareValues('number', customer.id ?? null, value);
      if (order !== 0) return part?.descending ? -order : order;
    }
    return 0;
  };
}

function beforeLower(order: number, bound: Bound): boolean {
  return bound.inclusive ? order < 0 : order <= 0;
}

function afterUpper(order: number, bound: Bound): boolean {
  return bound.inclusive ? order > 0 : order >= 0;
}

/** By email: only the customers with those e-mails, then every group checked, sorted as the scan sorts. */
function byEmails(
  source: SearchSource,
  groups: readonly Group[],
  orders: readonly KeyField[],
  criteria: SearchCriteria,
  pastLastPage: PastLastPage,
  emailGroup: number,
): SearchResult {
  const wanted = (groups[emailGroup]?.[0]?.filter.value ?? '').split(',');
  const candidates = new Map<number, MagentoCustomer>();
  for (const email of wanted)
    for (const customer of source.byEmail(email)) candidates.set(customer.id as number, customer);
  const matched = [...candidates.values()].filter((customer) =>
    groups.every((group) => group.some(({ field, filter }) => matches(field, filter, customer))),
  );
  matched.sort(compareByKey(orders));
  const { offset, size } = pageOf(criteria);
  return page(matched, offset, size, pastLastPage);
}

function pageOf(criteria: SearchCriteria): { offset: number; size: number | null } {
  const size = criteria.pageSize && criteria.pageSize > 0 ? criteria.pageSize : null;
  return { offset: (Math.max(1, criteria.currentPage ?? 1) - 1) * (size ?? 0), size };
}

/** Where the asked page starts among `total` matches (2.3 repeated the last page past the end). */
function pageStart(offset: number, size: number | null, total: number, pastLastPage: PastLastPage): number {
  if (size === null) return 0;
  if (pastLastPage === 'last-page')
    return Math.min(offset, (Math.max(1, Math.ceil(total / size)) - 1) * size);
  return offset;
}

function page(
  matched: MagentoCustomer[],
  offset: number,
  size: number | null,
  pastLastPage: PastLastPage,
): SearchResult {
  const totalCount = matched.length;
  if (size === null) return { items: matched, totalCount };
  const start = pageStart(offset, size, totalCount, pastLastPage);
  return { items: matched.slice(start, start + size), totalCount };
}
