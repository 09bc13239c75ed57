/**
 * Evaluates parsed Shopware search criteria over records in memory: filters with SQL's three-valued logic,
 * MySQL-like text and date comparison, sorting with NULL first, and paging (see simulator-criteria.ts).
 */
import type { ParsedCriteria, ParsedFilter } from './simulator-criteria.ts';
import { type EntityName, type FieldKind, valuesOf } from './simulator-schema.ts';

/**
 * The records matching the criteria, sorted and paged, with the total the count mode asks for: by scanning
 * every record. The reference the indexed search (simulator-indexed-search.ts) must agree with.
 */
export function search<T extends Record<string, unknown>>(
  records: readonly T[],
  criteria: ParsedCriteria,
): { data: T[]; total: number } {
  let matches = records.filter((record) =>
    criteria.filters.every((filter) => evaluate(criteria.entity, filter, record, false) === true),
  );
  if (criteria.term !== null) {
    const term = criteria.term;
    const ranked = ['firstName', 'lastName', 'email', 'customerNumber', 'company'];
    matches = matches.filter((record) => ranked.some((field) => like(record[field], `%${term}%`)));
  }
  if (criteria.ids !== null) {
    const order = criteria.ids;
    matches = order.flatMap((id) => matches.filter((record) => record.id === id));
  }
  const sorted =
    criteria.sort.length === 0 ? matches : [...matches].sort((a, b) => compareRecords(criteria, a, b));
  const offset = criteria.ids === null ? criteria.offset : 0;
  const limit = criteria.ids === null ? criteria.limit : null;
  const data = sorted.slice(offset, limit === null ? undefined : offset + limit);
  const total =
    criteria.totalCountMode === 1
      ? sorted.length
      : criteria.totalCountMode === 2 && limit !== null
        ? Math.min(Math.max(0, sorted.length - offset), limit * 6 + 1)
        : data.length;
  return { data, total };
}

/** SQL's three-valued logic: true, false, or null (unknown). `negated`: inside a not filter. */
export function evaluate(
  entity: EntityName,
  filter: ParsedFilter,
  record: Record<string, unknown>,
  negated: boolean,
): boolean | null {
  if (isGroup(filter)) {
    const results = filter.queries.map((query) =>
      evaluate(entity, query, record, negated || filter.type === 'not'),
    );
    const combined = filter.operator === 'OR' ? or(results) : and(results);
    return filter.type === 'not' ? (combined === null ? null : !combined) : combined;
  }
  const values = valuesOf(entity, record, filter.field);
  return or(values.map((value) => compareOne(filter, value, negated)));
}

type GroupFilter = Extract<ParsedFilter, { queries: ParsedFilter[] }>;
type FieldFilter = Exclude<ParsedFilter, GroupFilter>;

function isGroup(filter: ParsedFilter): filter is GroupFilter {
  return 'queries' in filter;
}

function compareOne(filter: FieldFilter, value: unknown, negated: boolean): boolean | null {
  switch (filter.type) {
    case 'equals':
      if (filter.kind === 'list')
        return Array.isArray(value) ? value.some((item) => item === filter.value) : null;
      if (filter.value === null || negated)
        return equalValues(filter.kind, value, filter.value) ?? value === filter.value;
      return equalValues(filter.kind, value, filter.value);
    case 'equalsAny':
      if (filter.kind === 'list')
        return Array.isArray(value) ? filter.values.some((item) => value.includes(item)) : null;
      return or(filter.values.map((item) => equalValues(filter.kind, value, item)));
    case 'contains':
      return like(value, `%${filter.value}%`);
    case 'prefix':
      return like(value, `${filter.value}%`);
    case 'suffix':
      return like(value, `%${filter.value}`);
    case 'range': {
      const results: Array<boolean | null> = [];
      const { gt, gte, lt, lte } = filter.parameters;
      const lower = gt !== undefined ? ['gt', gt] : gte !== undefined ? ['gte', gte] : null;
      const upper = lt !== undefined ? ['lt', lt] : lte !== undefined ? ['lte', lte] : null;
      for (const bound of [lower, upper]) {
        if (!bound) continue;
        const order = compareValues(filter.kind, value, bound[1]);
        if (order === null) results.push(null);
        else if (bound[0] === 'gt') results.push(order > 0);
        else if (bound[0] === 'gte') results.push(order >= 0);
        else if (bound[0] === 'lt') results.push(order < 0);
        else results.push(order <= 0);
      }
      return and(results);
    }
  }
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });
const naturalCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Equality as MySQL compares a column with a parameter; null when either side is NULL. */
function equalValues(kind: FieldKind, value: unknown, other: unknown): boolean | null {
  const order = compareValues(kind, value, other);
  return order === null ? null : order === 0;
}

/** Order of a column value against a parameter as MySQL sees it; null when either side is NULL or unreadable. */
export function compareValues(
  kind: FieldKind,
  value: unknown,
  other: unknown,
  natural = false,
): number | null {
  if (value === null || value === undefined || other === null || other === undefined) return null;
  switch (kind) {
    case 'date': {
      const a = mysqlDate(value);
      const b = mysqlDate(other);
      return a === null || b === null ? null : Math.sign(a - b);
    }
    case 'int':
    case 'float':
      return Math.sign(Number(value) - Number(other));
    case 'bool':
      return Math.sign(Number(toBool(value)) - Number(toBool(other)));
    case 'id': {
      const a = String(value).toLowerCase();
      const b = String(other).toLowerCase();
      return a === b ? 0 : a < b ? -1 : 1;
    }
    default:
      return (natural ? naturalCollator : collator).compare(String(value).trimEnd(), String(other).trimEnd());
  }
}

function compareRecords(
  criteria: ParsedCriteria,
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): number {
  for (const sort of criteria.sort) {
    const left = valuesOf(criteria.entity, a, sort.field)[0] ?? null;
    const right = valuesOf(criteria.entity, b, sort.field)[0] ?? null;
    let order: number;
    if (left === null || right === null) order = left === right ? 0 : left === null ? -1 : 1;
    else order = compareValues(sort.kind, left, right, sort.natural) ?? 0;
    if (order !== 0) return sort.descending ? -order : order;
  }
  return 0;
}

/** MySQL's string-to-DATETIME: "2024-05-17", "2024-05-17 08:03:11.123", ISO 8601 with "T" and an offset. */
export function mysqlDate(value: unknown): number | null {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(
      String(value).trim(),
    );
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone] = match as unknown as string[];
  const local = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(fraction.padEnd(3, '0').slice(0, 3)),
  );
  if (!zone || zone === 'Z') return local;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = zone.slice(1).split(':').map(Number) as [number, number];
  return local - sign * (hours * 60 + minutes) * 60_000;
}

/** LIKE with % wildcards, case- and accent-insensitive; NULL -> null. */
function like(value: unknown, pattern: string): boolean | null {
  if (value === null || value === undefined) return null;
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const text = fold(String(value));
  const inner = fold(pattern.replace(/^%|%$/g, ''));
  if (pattern.startsWith('%') && pattern.endsWith('%')) return text.includes(inner);
  if (pattern.endsWith('%')) return text.startsWith(inner);
  return text.endsWith(inner);
}

function and(results: Array<boolean | null>): boolean | null {
  if (results.some((result) => result === false)) return false;
  return results.some((result) => result === null) ? null : true;
}

function or(results: Array<boolean | null>): boolean | null {
  if (results.some((result) => result === true)) return true;
  return results.some((result) => result === null) ? null : false;
}

export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}
