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

import type { ShopwareError } from '../../adapters/shopware/shopware-types.ts';
import { fail, ShopwareApiError, shopwareError } from './simulator-errors.ts';
import {
  associationOf,
  type EntityName,
  type FieldKind,
  fieldKind,
  stripEntity,
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
