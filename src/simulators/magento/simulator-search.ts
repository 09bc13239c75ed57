/**
 * Evaluates a SearchCriteria against the simulator's customers the way Magento's customer collection and
 * MySQL do (CustomerRepository::getList on the EAV collection):
 * - filters in a group are OR-ed, groups are AND-ed;
 * - fields are the collection's attributes: entity_id (not "id"), email, firstname, created_at, ...,
 *   plus the joined billing_* fields, company (of the default billing address) and name; any other
 *   field is a 400 "Invalid attribute name: %1";
 * - text compares case- and accent-insensitively (utf8 general_ci collation), numbers as numbers,
 *   dates as "YYYY-MM-DD HH:MM:SS" text; NULL matches no comparison (SQL three-valued logic);
 * - like/nlike use % and _; in/nin split the value at commas without trimming; an unknown condition type
 *   falls back to eq (Magento's prepareSqlCondition does that);
 * - a sort order without direction sorts DESC; NULLs sort first ascending; ties keep entity_id order;
 * - without pageSize every match is returned; currentPage below 1 is page 1; past the last page the
 *   items are empty (Magento 2.4; 2.3 repeated the last page: option pastLastPage 'last-page').
 */
import type { MagentoAddress, MagentoCustomer } from '../../adapters/magento/magento-types.ts';
import type { SearchCriteria, SearchFilter } from '../../adapters/magento/search-criteria.ts';
import { MagentoApiError, MESSAGES } from './simulator-errors.ts';

export type PastLastPage = 'empty' | 'last-page';

export type Kind = 'number' | 'text' | 'date';
export type Value = string | number | null;

export interface Field {
  kind: Kind;
  get(customer: MagentoCustomer): Value;
}

const text = (get: (customer: MagentoCustomer) => string | undefined): Field => ({
  kind: 'text',
  get: (c) => get(c) ?? null,
});
const number = (get: (customer: MagentoCustomer) => number | string | undefined): Field => ({
  kind: 'number',
  get: (c) => {
    const value = get(c);
    return value === undefined || value === '' ? null : Number(value);
  },
});
const billing = (customer: MagentoCustomer): MagentoAddress | undefined =>
  customer.addresses?.find((address) => String(address.id) === customer.default_billing);

const FIELDS: Readonly<Record<string, Field>> = {
  entity_id: number((c) => c.id),
  email: text((c) => c.email),
  firstname: text((c) => c.firstname),
  lastname: text((c) => c.lastname),
  middlename: text((c) => c.middlename),
  prefix: text((c) => c.prefix),
  suffix: text((c) => c.suffix),
  taxvat: text((c) => c.taxvat),
  dob: text((c) => c.dob),
  created_in: text((c) => c.created_in),
  confirmation: text((c) => c.confirmation),
  group_id: number((c) => c.group_id),
  store_id: number((c) => c.store_id),
  website_id: number((c) => c.website_id),
  gender: number((c) => c.gender),
  disable_auto_group_change: number((c) => c.disable_auto_group_change),
  default_billing: number((c) => c.default_billing),
  default_shipping: number((c) => c.default_shipping),
  created_at: { kind: 'date', get: (c) => c.created_at ?? null },
  updated_at: { kind: 'date', get: (c) => c.updated_at ?? null },
  name: text((c) => [c.firstname, c.middlename, c.lastname].filter((part) => part).join(' ')),
  billing_postcode: text((c) => billing(c)?.postcode),
  billing_city: text((c) => billing(c)?.city),
  billing_telephone: text((c) => billing(c)?.telephone),
  billing_region: text((c) => billing(c)?.region?.region ?? undefined),
  billing_country_id: text((c) => billing(c)?.country_id),
  company: text((c) => billing(c)?.company),
};

export interface SearchResult {
  items: MagentoCustomer[];
  totalCount: number;
}

/**
 * The search by scanning: filter and sort the whole store. The reference the indexed search
 * (simulator-indexed-search.ts) must agree with, and what it falls back to for criteria it has no plan for.
 */
export function searchCustomers(
  customers: readonly MagentoCustomer[],
  criteria: SearchCriteria,
  pastLastPage: PastLastPage = 'empty',
): SearchResult {
  const groups = criteria.filterGroups
    .filter((filters) => filters.length > 0)
    .map((filters) => filters.map((filter) => ({ field: fieldOf(filter.field), filter })));
  const orders = criteria.sortOrders.map((order) => ({
    field: fieldOf(order.field),
    descending: order.direction !== 'ASC',
  }));

  const matched = customers.filter((customer) =>
    groups.every((group) => group.some(({ field, filter }) => matches(field, filter, customer))),
  );
  matched.sort((a, b) => {
    for (const order of orders) {
      const result = compareValues(order.field.kind, order.field.get(a), order.field.get(b));
      if (result !== 0) return order.descending ? -result : result;
    }
    return (a.id ?? 0) - (b.id ?? 0);
  });

  const totalCount = matched.length;
  const size = criteria.pageSize;
  if (!size || size <= 0) return { items: matched, totalCount };
  let page = Math.max(1, criteria.currentPage ?? 1);
  if (pastLastPage === 'last-page') page = Math.min(page, Math.max(1, Math.ceil(totalCount / size)));
  return { items: matched.slice((page - 1) * size, page * size), totalCount };
}

export function fieldOf(name: string): Field {
  const field = FIELDS[name];
  if (!field) throw new MagentoApiError(400, MESSAGES.invalidAttribute, [name]);
  return field;
}

export function matches(field: Field, filter: SearchFilter, customer: MagentoCustomer): boolean {
  const actual = field.get(customer);
  const condition = filter.conditionType ?? 'eq';
  if (condition === 'null') return actual === null;
  if (condition === 'notnull') return actual !== null;
  if (actual === null || filter.value === undefined) return false;
  const wanted = filter.value;
  const compare = (): number => compareValues(field.kind, actual, normalize(field.kind, wanted));
  switch (condition) {
    case 'neq':
      return compare() !== 0;
    case 'gt':
      return compare() > 0;
    case 'gteq':
    case 'moreq':
    case 'from':
      return compare() >= 0;
    case 'lt':
      return compare() < 0;
    case 'lteq':
    case 'to':
      return compare() <= 0;
    case 'like':
      return likePattern(wanted).test(fold(String(actual)));
    case 'nlike':
      return !likePattern(wanted).test(fold(String(actual)));
    case 'in':
      return wanted
        .split(',')
        .some((item) => compareValues(field.kind, actual, normalize(field.kind, item)) === 0);
    case 'nin':
      return wanted
        .split(',')
        .every((item) => compareValues(field.kind, actual, normalize(field.kind, item)) !== 0);
    case 'finset':
      return String(actual).split(',').map(fold).includes(fold(wanted));
    case 'nfinset':
      return !String(actual).split(',').map(fold).includes(fold(wanted));
    default:
      return compare() === 0;
  }
}

/** A filter value as MySQL compares it with a column of this kind. */
export function normalize(kind: Kind, value: string): Value {
  if (kind === 'number') {
    const parsed = Number.parseFloat(value);
    return Number.isNaN(parsed) ? 0 : parsed;
  }
  if (kind === 'date') {
    const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(:\d{2})?)?$/.exec(value.trim());
    if (!match) return value;
    return `${match[1]} ${match[2] ?? '00:00'}${match[3] ?? ':00'}`;
  }
  return value;
}

/** NULL first; numbers numerically; text by the collation; dates as their text. */
export function compareValues(kind: Kind, a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (kind === 'number' && typeof a === 'number' && typeof b === 'number') return a - b;
  const left = kind === 'text' ? fold(String(a)) : String(a);
  const right = kind === 'text' ? fold(String(b)) : String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** utf8 general_ci: case- and accent-insensitive. */
function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function likePattern(pattern: string): RegExp {
  let source = '';
  const folded = fold(pattern);
  for (let i = 0; i < folded.length; i++) {
    const char = folded[i] as string;
    if (char === '\\' && i + 1 < folded.length) source += escapeRegExp(folded[++i] as string);
    else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, 's');
}

function escapeRegExp(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
