/**
 * How the indexed search (simulator-indexed-search.ts) answers a search: which order of the generated shop
 * (never-changed customers by createdAt, changed ones by updatedAt, all by createdAt), the bounds of the
 * range the time filters leave (binary searches), and the filters left to check customer by customer.
 * Null where no order fits (the scan answers).
 */
import type { BaseShop } from './base-shop.ts';
import type { ParsedCriteria, ParsedFilter } from './simulator-criteria.ts';
import { evaluate, mysqlDate } from './simulator-criteria-eval.ts';
import type { TimeBound } from './simulator-overlay-order.ts';
import { stripEntity } from './simulator-schema.ts';

type Row = Record<string, unknown>;
/** fresh: never-changed customers by createdAt; changed: the others by updatedAt; created: all by createdAt. */
export type Order = 'fresh' | 'changed' | 'created';

export interface Plan {
  order: Order;
  timeField: 'createdAt' | 'updatedAt';
  /** Positions in the order. */
  lo: number;
  hi: number;
  /** The bounds on the time field (for the overlay). */
  lower: TimeBound[];
  upper: TimeBound[];
  residual: ParsedFilter[];
  /** The residual as checks of a candidate (an id set for `id in (...)`, else the scan's evaluate). */
  checks: Check[];
  /** The residual reads only skeleton fields: those (else the customer is made). */
  skeletonFields: string[] | null;
}

export type Check = (id: string, record: () => Row) => boolean;

const SKELETON_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'salesChannelId', 'guest']);
function fieldOf(filter: ParsedFilter): string | null {
  return 'field' in filter ? stripEntity('customer', filter.field) : null;
}

function isNullTest(filter: ParsedFilter, field: string): boolean {
  return filter.type === 'equals' && fieldOf(filter) === field && filter.value === null;
}

function isNotNullTest(filter: ParsedFilter, field: string): boolean {
  return (
    filter.type === 'not' &&
    filter.queries.length === 1 &&
    isNullTest(filter.queries[0] as ParsedFilter, field)
  );
}

export function planOf(base: BaseShop, criteria: ParsedCriteria): Plan | null {
  if (criteria.term !== null) return null;
  const sort = criteria.sort.map((part) => ({ ...part, field: stripEntity('customer', part.field) }));
  if (sort.some((part) => part.natural || part.descending)) return null;
  const filters = criteria.filters;
  let timeField: 'createdAt' | 'updatedAt';
  const first = sort[0]?.field;
  if (sort.length === 2 && sort[1]?.field === 'id' && (first === 'createdAt' || first === 'updatedAt')) {
    timeField = first;
  } else if (sort.length === 1 && first === 'id') {
    // A group of equal times in id order: `time = t`.
    const fixed = filters.find(
      (filter) =>
        filter.type === 'equals' &&
        filter.value !== null &&
        (fieldOf(filter) === 'createdAt' || fieldOf(filter) === 'updatedAt'),
    );
    if (!fixed) return null;
    timeField = fieldOf(fixed) as 'createdAt' | 'updatedAt';
  } else return null;

  const neverChanged = filters.some((filter) => isNullTest(filter, 'updatedAt'));
  const changed = filters.some(
    (filter) =>
      isNotNullTest(filter, 'updatedAt') ||
      (fieldOf(filter) === 'updatedAt' &&
        (filter.type === 'range' || (filter.type === 'equals' && filter.value !== null))),
  );
  let order: Order;
  if (timeField === 'updatedAt') {
    if (!changed) return null;
    order = 'changed';
  } else order = neverChanged ? 'fresh' : 'created';

  const residual: ParsedFilter[] = [];
  let lo = 0;
  let hi = base.count;
  const lower: TimeBound[] = [];
  const upper: TimeBound[] = [];
  const at = (time: number, strict: boolean) =>
    order === 'created'
      ? base.firstCreatedAtOrAfter(time, strict)
      : base.timeline.firstAtOrAfter(time, strict);
  for (const filter of filters) {
    if (order === 'fresh' && isNullTest(filter, 'updatedAt')) continue;
    if (order === 'changed' && isNotNullTest(filter, 'updatedAt')) continue;
    const bounds = fieldOf(filter) === timeField ? boundsOf(filter) : null;
    if (!bounds) {
      residual.push(filter);
      continue;
    }
    if (bounds.lower) {
      lo = Math.max(lo, at(bounds.lower.time, !bounds.lower.inclusive));
      lower.push(bounds.lower);
    }
    if (bounds.upper) {
      hi = Math.min(hi, at(bounds.upper.time, bounds.upper.inclusive));
      upper.push(bounds.upper);
    }
  }
  const fields = [...new Set(residual.flatMap(fieldsOf))];
  const skeletonFields = fields.every((field) => SKELETON_FIELDS.has(field)) ? fields : null;
  const checks = residual.map(checkOf);
  return { order, timeField, lo, hi: Math.max(lo, hi), lower, upper, residual, checks, skeletonFields };
}

/** `id in (...)` (or not in) as a set look-up where every value is an id; else the scan's evaluate. */
function checkOf(filter: ParsedFilter): Check {
  const negated = filter.type === 'not' && filter.queries.length === 1;
  const inner = negated ? (filter.queries[0] as ParsedFilter) : filter;
  if (
    inner.type === 'equalsAny' &&
    inner.kind === 'id' &&
    fieldOf(inner) === 'id' &&
    inner.values.every((value) => typeof value === 'string')
  ) {
    const ids = new Set(inner.values.map((value) => (value as string).toLowerCase()));
    return negated ? (id) => !ids.has(id) : (id) => ids.has(id);
  }
  return (_, record) => evaluate('customer', filter, record(), false) === true;
}

interface Bounds {
  lower: TimeBound | null;
  upper: TimeBound | null;
}

/** A range or equals filter on the time field as bounds (NULL matches neither: the order has none). */
function boundsOf(filter: ParsedFilter): Bounds | null {
  if (filter.type === 'equals') {
    if (filter.kind !== 'date' || filter.value === null) return null;
    const time = mysqlDate(filter.value);
    if (time === null) return null;
    return { lower: { time, inclusive: true }, upper: { time, inclusive: true } };
  }
  if (filter.type !== 'range' || filter.kind !== 'date') return null;
  const { gt, gte, lt, lte } = filter.parameters;
  const lowerValue = gt !== undefined ? gt : gte;
  const upperValue = lt !== undefined ? lt : lte;
  if (lowerValue === undefined && upperValue === undefined) return null;
  const lower = lowerValue === undefined ? null : mysqlDate(lowerValue);
  const upper = upperValue === undefined ? null : mysqlDate(upperValue);
  if ((lowerValue !== undefined && lower === null) || (upperValue !== undefined && upper === null))
    return null;
  return {
    lower: lower === null ? null : { time: lower, inclusive: gt === undefined },
    upper: upper === null ? null : { time: upper, inclusive: lt === undefined },
  };
}

function fieldsOf(filter: ParsedFilter): string[] {
  if (filter.type === 'multi' || filter.type === 'not') return filter.queries.flatMap(fieldsOf);
  return 'field' in filter ? [stripEntity('customer', filter.field)] : [];
}
