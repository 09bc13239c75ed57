/**
 * The entity search for customers on the store's indexes: the same answers as `search` (the scan in
 * simulator-criteria-eval.ts), in O(log N + page size) for the searches the adapter sends:
 * - sorted by fields ending with id ascending (a total order): the index of those fields, prefixed by the
 *   fields an equals filter fixes (salesChannelId = x, or createdAt = t when a group of equal times is read
 *   in id order);
 * - range, equals and "not NULL" filters on the first sort field become bounds found by binary search;
 * - every other filter is checked record by record inside the bounds (the keyset's "not id in (ids read
 *   at t)" and "updatedAt is NULL" skip only a few records); an exact total then counts the range.
 * - `ids`: only the customers with those ids (the primary key), then the scan's rules over those.
 * Criteria without such a plan (no sort, a term, natural sorting, to-many fields) fall back to the scan.
 */
import type { ShopwareCustomer } from '../../adapters/shopware/shopware-types.ts';
import type { ParsedCriteria, ParsedFilter } from './simulator-criteria.ts';
import { evaluate, search } from './simulator-criteria-eval.ts';
import {
  type CustomerIndex,
  type KeyPart,
  type KeyValue,
  keyValue,
  type ShopwareIndexes,
  signatureOf,
} from './simulator-indexes.ts';
import { stripEntity } from './simulator-schema.ts';

interface Bound {
  values: KeyValue[];
  inclusive: boolean;
}

type Result = { data: ShopwareCustomer[]; total: number };

export function searchIndexed(
  indexes: ShopwareIndexes,
  all: () => readonly ShopwareCustomer[],
  criteria: ParsedCriteria,
): Result {
  const scan = () =>
    search(all() as unknown as Array<Record<string, unknown>>, criteria) as unknown as Result;
  if (criteria.ids !== null) {
    // Only the customers with those ids, by the primary key (the adapter's reads by id); the scan's rules
    // (their order, the filters, the term) then apply to those.
    const candidates = new Set<ShopwareCustomer>();
    for (const id of criteria.ids) {
      const customer = indexes.byId(id);
      if (customer) candidates.add(customer);
    }
    return search(
      [...candidates] as unknown as Array<Record<string, unknown>>,
      criteria,
    ) as unknown as Result;
  }
  const sort = criteria.sort.map((part) => ({ ...part, field: stripEntity('customer', part.field) }));
  const last = sort.at(-1);
  if (criteria.term !== null || criteria.ids !== null || !last || last.field !== 'id' || last.descending)
    return scan();
  if (sort.some((part) => part.natural || part.field.includes('.'))) return scan();

  const residual = [...criteria.filters];
  const prefix: KeyPart[] = [];
  const prefixValues: KeyValue[] = [];
  // Fields fixed by an equals filter lead the key (dates first: the group of equal times is the narrower).
  const fixed = residual
    .map((filter) => ({ filter, value: fixedValue(filter, sort) }))
    .filter((entry) => entry.value !== null)
    .sort((a, b) => Number(kindOf(b.filter) === 'date') - Number(kindOf(a.filter) === 'date'));
  for (const { filter, value } of fixed) {
    if (filter.type !== 'equals') continue;
    residual.splice(residual.indexOf(filter), 1);
    prefix.push({ field: stripEntity('customer', filter.field), kind: filter.kind, descending: false });
    prefixValues.push(value);
  }
  const key: KeyPart[] = [
    ...prefix,
    ...sort.map(({ field, kind, descending }) => ({ field, kind, descending })),
  ];
  const index = indexes.index(key);
  const lower: Bound[] = [{ values: prefixValues, inclusive: true }];
  const upper: Bound[] = [{ values: prefixValues, inclusive: true }];
  absorbBounds(residual, key[prefix.length] as KeyPart, prefixValues, lower, upper);

  const records = index.sorted.records();
  const lo = Math.max(...lower.map((bound) => position(index, bound, true)));
  const hi = Math.min(...upper.map((bound) => position(index, bound, false)));
  const { offset, limit, totalCountMode: mode } = criteria;
  if (residual.length === 0) {
    const found = Math.max(0, hi - lo);
    const start = Math.min(lo + offset, Math.max(lo, hi));
    const end = limit === null ? Math.max(start, hi) : Math.min(Math.max(start, hi), start + limit);
    const data = records.slice(start, end);
    return { data, total: totalOf(mode, found, offset, limit, data.length) };
  }
  // Enough matches for the page and the count mode (every match for an exact count).
  const wanted =
    mode === 1 || limit === null ? Number.POSITIVE_INFINITY : offset + (mode === 2 ? limit * 6 + 1 : limit);
  const find = () => {
    const found: ShopwareCustomer[] = [];
    for (let i = lo; i < hi && found.length < wanted; i++) {
      const customer = records[i] as ShopwareCustomer;
      const record = customer as unknown as Record<string, unknown>;
      if (residual.every((filter) => evaluate('customer', filter, record, false) === true))
        found.push(customer);
    }
    return found;
  };
  // Every match (an exact count): the next page of the same search takes them from the last one.
  const matched =
    wanted === Number.POSITIVE_INFINITY
      ? indexes.matchesOf(JSON.stringify([signatureOf(key), lo, hi, residual]), find)
      : find();
  const data = matched.slice(offset, limit === null ? undefined : offset + limit);
  return { data, total: totalOf(mode, matched.length, offset, limit, data.length) };
}

function totalOf(
  mode: 0 | 1 | 2,
  found: number,
  offset: number,
  limit: number | null,
  returned: number,
): number {
  if (mode === 1) return found;
  if (mode === 2 && limit !== null) return Math.min(Math.max(0, found - offset), limit * 6 + 1);
  return returned;
}

function kindOf(filter: ParsedFilter): string | null {
  return 'kind' in filter ? filter.kind : null;
}

/** The key value an equals filter fixes its field to (a scalar field outside the sort); else null. */
function fixedValue(filter: ParsedFilter, sort: ReadonlyArray<{ field: string }>): KeyValue {
  if (filter.type !== 'equals' || filter.kind === 'list' || filter.value === null) return null;
  const field = stripEntity('customer', filter.field);
  if (field.includes('.') || sort.some((part) => part.field === field)) return null;
  return keyValue(filter.kind, filter.value);
}

/** Range, equals and not-NULL filters on the first sort field as bounds (removed from `residual`). */
function absorbBounds(
  residual: ParsedFilter[],
  first: KeyPart,
  prefix: KeyValue[],
  lower: Bound[],
  upper: Bound[],
): void {
  if (first.descending) return;
  const on = (filter: ParsedFilter): filter is Extract<ParsedFilter, { field: string }> =>
    'field' in filter && stripEntity('customer', filter.field) === first.field;
  for (let i = residual.length - 1; i >= 0; i--) {
    const filter = residual[i] as ParsedFilter;
    const bounds = boundsOf(filter, first, on);
    if (!bounds) continue;
    for (const bound of bounds.lower)
      lower.push({ values: [...prefix, ...bound.values], inclusive: bound.inclusive });
    for (const bound of bounds.upper)
      upper.push({ values: [...prefix, ...bound.values], inclusive: bound.inclusive });
    residual.splice(i, 1);
  }
}

function boundsOf(
  filter: ParsedFilter,
  first: KeyPart,
  on: (filter: ParsedFilter) => boolean,
): { lower: Bound[]; upper: Bound[] } | null {
  // NULL compares to nothing: every bound also starts after the NULLs (which sort first).
  const afterNull: Bound = { values: [null], inclusive: false };
  if (filter.type === 'not' && filter.queries.length === 1) {
    const inner = filter.queries[0] as ParsedFilter;
    if (inner.type === 'equals' && on(inner) && inner.value === null)
      return { lower: [afterNull], upper: [] };
    return null;
  }
  if (!on(filter)) return null;
  if (filter.type === 'equals') {
    if (filter.kind === 'list' || filter.value === null || filter.kind !== first.kind) return null;
    const value = keyValue(first.kind, filter.value);
    if (value === null) return null;
    return { lower: [{ values: [value], inclusive: true }], upper: [{ values: [value], inclusive: true }] };
  }
  if (filter.type !== 'range' || filter.kind !== first.kind) return null;
  const { gt, gte, lt, lte } = filter.parameters;
  const result: { lower: Bound[]; upper: Bound[] } = { lower: [afterNull], upper: [] };
  const lowerValue = gt !== undefined ? gt : gte;
  const upperValue = lt !== undefined ? lt : lte;
  if (lowerValue === undefined && upperValue === undefined) return null;
  if (lowerValue !== undefined) {
    const value = keyValue(first.kind, lowerValue);
    if (value === null) return null;
    result.lower.push({ values: [value], inclusive: gt === undefined });
  }
  if (upperValue !== undefined) {
    const value = keyValue(first.kind, upperValue);
    if (value === null) return null;
    result.upper.push({ values: [value], inclusive: lt === undefined });
  }
  return result;
}

/** The first position of the range (lower bound) or the first position after it (upper bound). */
function position(index: CustomerIndex, bound: Bound, isLower: boolean): number {
  return index.sorted.lowerBound((customer) => {
    const order = -index.compareKeys(bound.values, customer); // customer against the bound
    if (isLower) return bound.inclusive ? order < 0 : order <= 0;
    return bound.inclusive ? order <= 0 : order < 0;
  });
}
