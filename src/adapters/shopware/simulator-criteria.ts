/**
 * Search criteria as Shopware 6.5's RequestCriteriaBuilder, QueryStringParser and SqlQueryParser treat
 * them, over records in memory:
 * - `limit` must be a positive integer no larger than shopware.api.max_limit (else 400); without a limit,
 *   max_limit applies (or no limit where it is null). `page` is 1-based and the offset is computed from
 *   the request's own `limit` (a page without a limit starts at offset 0). `ids` cancels paging.
 * - `total-count-mode` 0/"none" (default: total = records returned), 1/"exact", 2/"next-pages" (total =
 *   records found from the offset, at most limit * 6 + 1).
 * - Filters equals, equalsAny (list or "a|b"), contains, prefix, suffix, range (gt/gte/lt/lte), multi
 *   (operator OR, anything else AND), not; with SQL's three-valued logic: NULL compares to nothing, an
 *   equals with value null is "IS NULL", and an equals inside not is null-safe (<=>). Text compares like
 *   MySQL's utf8mb4_unicode_ci (case and accents ignored); dates compare as DATETIME(3); ids must be
 *   valid UUIDs. A to-many path matches when any related record matches.
 * - Sorting by any field, NULL first ascending, naturalSorting; associations with their own filter, sort
 *   and paging; `includes` per apiAlias (applied when rendering); `term` searches the ranked fields.
 * Errors are Shopware's: FRAMEWORK__INVALID_LIMIT_QUERY, ..._QUERY_LIMIT_EXCEEDED, ..._INVALID_PAGE_QUERY,
 * ..._INVALID_FILTER_QUERY (with source pointers), ..._UNMAPPED_FIELD, ..._ASSOCIATION_NOT_FOUND,
 * ..._INVALID_UUID.
 */

import type { ShopwareError } from './shopware-types.ts';
import { fail, ShopwareApiError, shopwareError } from './simulator-errors.ts';
import {
  associationOf,
  type EntityName,
  type FieldKind,
  fieldKind,
  stripEntity,
  valuesOf,
} from './simulator-schema.ts';

export type ParsedFilter =
  | { type: 'equals'; field: string; kind: FieldKind; value: unknown }
  | { type: 'equalsAny'; field: string; kind: FieldKind; values: unknown[] }
  | { type: 'contains' | 'prefix' | 'suffix'; field: string; value: string }
  | { type: 'range'; field: string; kind: FieldKind; parameters: Record<string, unknown> }
  | { type: 'multi' | 'not'; operator: 'AND' | 'OR'; queries: ParsedFilter[] };

export interface ParsedSort {
  field: string;
  kind: FieldKind;
  descending: boolean;
  natural: boolean;
}

export interface ParsedCriteria {
  entity: EntityName;
  ids: string[] | null;
  limit: number | null;
  offset: number;
  totalCountMode: 0 | 1 | 2;
  filters: ParsedFilter[];
  sort: ParsedSort[];
  term: string | null;
  associations: Map<string, ParsedCriteria>;
  includes: Record<string, string[]> | null;
}

const TOTAL_COUNT_MODES: Readonly<Record<string, 0 | 1 | 2>> = { none: 0, exact: 1, 'next-pages': 2 };
const UUID = /^[0-9a-f]{32}$/i;

export function parseCriteria(body: unknown, entity: EntityName, maxLimit: number | null): ParsedCriteria {
  const payload = isRecord(body) ? body : {};
  const errors: ShopwareError[] = [];
  const criteria: ParsedCriteria = {
    entity,
    ids: null,
    limit: null,
    offset: 0,
    totalCountMode: 0,
    filters: [],
    sort: [],
    term: null,
    associations: new Map(),
    includes: isRecord(payload.includes) ? (payload.includes as Record<string, string[]>) : null,
  };
  if (payload.ids !== undefined && payload.ids !== null) {
    const ids = typeof payload.ids === 'string' ? payload.ids.split('|').filter(Boolean) : payload.ids;
    criteria.ids = (Array.isArray(ids) ? ids : []).map((id) => uuid(String(id)));
  } else {
    if (payload['total-count-mode'] !== undefined && payload['total-count-mode'] !== null) {
      const mode = String(payload['total-count-mode']);
      const numeric = Number(mode);
      criteria.totalCountMode = /^-?\d+$/.test(mode)
        ? numeric >= 0 && numeric <= 2
          ? (numeric as 0 | 1 | 2)
          : 0
        : (TOTAL_COUNT_MODES[mode] ?? 0);
    }
    if (payload.limit !== undefined && payload.limit !== null) {
      criteria.limit = parseLimit(payload.limit, maxLimit, errors);
    }
    if (criteria.limit === null && maxLimit !== null) criteria.limit = maxLimit;
    if (payload.page !== undefined && payload.page !== null) {
      const page = parsePositive(payload.page);
      if (page === null) {
        errors.push(
          error(
            'FRAMEWORK__INVALID_PAGE_QUERY',
            'The page parameter must be a positive integer. Given: {{ page }}',
            { page: shown(payload.page) },
            '/page',
          ),
        );
      } else {
        const requested = Number.parseInt(String(payload.limit ?? 0), 10);
        criteria.offset = (Number.isFinite(requested) ? requested : 0) * (page - 1);
      }
    }
  }
  for (const key of ['filter', 'post-filter'] as const) {
    if (payload[key] === undefined) continue;
    if (!Array.isArray(payload[key])) {
      errors.push(
        error(
          'FRAMEWORK__INVALID_FILTER_QUERY',
          'The filter parameter has to be a list of filters.',
          {},
          `/${key}`,
        ),
      );
      continue;
    }
    (payload[key] as unknown[]).forEach((query, index) => {
      const parsed = parseFilter(entity, query, `/${key}/${index}`, errors);
      if (parsed) criteria.filters.push(parsed);
    });
  }
  if (typeof payload.term === 'string' && payload.term.trim() !== '') criteria.term = payload.term.trim();
  if (Array.isArray(payload.sort)) {
    for (const item of payload.sort as unknown[]) {
      const sort = isRecord(item) ? item : {};
      const field = stripEntity(entity, String(sort.field ?? ''));
      criteria.sort.push({
        field,
        kind: fieldKind(entity, field),
        descending: String(sort.order ?? 'asc').toLowerCase() === 'desc',
        natural: sort.naturalSorting === true,
      });
    }
  }
  if (errors.length > 0) throw new ShopwareApiError(400, errors);
  if (isRecord(payload.associations)) {
    for (const [name, nested] of Object.entries(payload.associations)) {
      const association = associationOf(entity, name);
      criteria.associations.set(name, parseCriteria(nested, association.entity, null));
    }
  }
  return criteria;
}

function parseLimit(value: unknown, maxLimit: number | null, errors: ShopwareError[]): number | null {
  if (value === '' || !isNumeric(value) || Number.parseInt(String(value), 10) <= 0) {
    const given =
      value === '' ? '(empty)' : isNumeric(value) ? Number.parseInt(String(value), 10) : shown(value);
    errors.push(
      error(
        'FRAMEWORK__INVALID_LIMIT_QUERY',
        'The limit parameter must be a positive integer greater or equals than 1. Given: {{ limit }}',
        { limit: given },
        '/limit',
      ),
    );
    return null;
  }
  const limit = Number.parseInt(String(value), 10);
  if (maxLimit !== null && maxLimit > 0 && limit > maxLimit) {
    errors.push(
      error(
        'FRAMEWORK__QUERY_LIMIT_EXCEEDED',
        'The limit must be lower than or equal to MAX_LIMIT(={{ maxLimit }}). Given: {{ limit }}',
        { maxLimit, limit },
        '/limit',
      ),
    );
    return null;
  }
  return limit;
}

function parseFilter(
  entity: EntityName,
  raw: unknown,
  path: string,
  errors: ShopwareError[],
): ParsedFilter | null {
  const query = isRecord(raw) ? raw : {};
  const type = query.type;
  const invalid = (message: string, pointer: string): null => {
    errors.push(error('FRAMEWORK__INVALID_FILTER_QUERY', message, {}, pointer));
    return null;
  };
  if (typeof type !== 'string' || type === '') return invalid('Value for filter type is required.', path);
  if (type === 'multi' || type === 'not') {
    const operator = String(query.operator ?? 'AND').toUpperCase() === 'OR' ? 'OR' : 'AND';
    const queries = (Array.isArray(query.queries) ? query.queries : []).flatMap((nested, index) => {
      const parsed = parseFilter(entity, nested, `${path}/queries/${index}`, errors);
      return parsed ? [parsed] : [];
    });
    return { type, operator, queries };
  }
  const known = ['equals', 'equalsAny', 'contains', 'prefix', 'suffix', 'range'];
  if (!known.includes(type)) return invalid(`Unsupported filter type: ${type}`, `${path}/type`);
  const field = typeof query.field === 'string' ? stripEntity(entity, query.field) : '';
  if (field === '' && type !== 'range')
    return invalid(`Parameter "field" for ${type} filter is missing.`, `${path}/field`);
  if (type === 'range') {
    if (!isRecord(query.parameters)) throw new ShopwareApiError(500, [internalError()]);
    return { type, field, kind: fieldKind(entity, field), parameters: query.parameters };
  }
  const kind = fieldKind(entity, field);
  if (type === 'equals') {
    if (!('value' in query) || query.value === '')
      return invalid('Parameter "value" for equals filter is missing.', `${path}/value`);
    const value = kind === 'id' && query.value !== null ? uuid(String(query.value)) : query.value;
    return { type, field, kind, value };
  }
  if (type === 'equalsAny') {
    const value = query.value;
    const values =
      typeof value === 'string'
        ? value.split('|').filter(Boolean)
        : Array.isArray(value)
          ? value
          : value
            ? [value]
            : [];
    if (values.length === 0)
      return invalid('Parameter "value" for equalsAny filter is missing.', `${path}/value`);
    return { type, field, kind, values: kind === 'id' ? values.map((id) => uuid(String(id))) : values };
  }
  if (query.value === undefined || query.value === null || query.value === '') {
    return invalid(`Parameter "value" for ${type} filter is missing.`, `${path}/value`);
  }
  return { type, field, value: String(query.value) } as ParsedFilter;
}

/** The records matching the criteria, sorted and paged, with the total the count mode asks for. */
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
function evaluate(
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
function mysqlDate(value: unknown): number | null {
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

function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

function uuid(value: string): string {
  if (!UUID.test(value))
    fail(400, 'FRAMEWORK__INVALID_UUID', 'Value is not a valid UUID: {{ input }}', { input: value });
  return value.toLowerCase();
}

function parsePositive(value: unknown): number | null {
  if (value === '' || !isNumeric(value)) return null;
  const number = Number.parseInt(String(value), 10);
  return number > 0 ? number : null;
}

function isNumeric(value: unknown): boolean {
  return (
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
  );
}

function shown(value: unknown): string {
  return value === '' ? '(empty)' : typeof value === 'string' ? value : JSON.stringify(value);
}

function error(
  code: string,
  template: string,
  parameters: Record<string, unknown>,
  pointer: string,
): ShopwareError {
  return shopwareError(400, code, template, parameters, pointer);
}

function internalError(): ShopwareError {
  return { code: '0', status: '500', title: 'Internal Server Error', detail: 'Internal Server Error' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
