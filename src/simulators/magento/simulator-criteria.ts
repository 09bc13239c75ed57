/**
 * Reads a searchCriteria query the way Magento's web API does (ServiceInputProcessor -> SearchCriteria):
 * snake_case and camelCase keys both work, unknown keys and wrongly typed numbers are a 400, a sort
 * direction other than ASC/DESC is a 400, and with "Web API input limits" enabled a page size above the
 * maximum is a 400 ("Maximum SearchCriteria pageSize is %max") and a missing one gets the default.
 */
import type { ParsedQuery } from '../../adapters/http/query-string.ts';
import type { MagentoSearchCriteria } from '../../adapters/magento/magento-types.ts';
import type { SearchCriteria, SearchFilter, SortOrder } from '../../adapters/magento/search-criteria.ts';
import { invalidType, MagentoApiError, MESSAGES, required } from './simulator-errors.ts';

export interface InputLimits {
  /** Stores > Configuration > Services > Magento Web API > Web Api Input Limits > Maximum Page Size; null = off. */
  maxPageSize: number | null;
  /** ... > Default Page Size, used when the request has none (only with input limits on); null = off. */
  defaultPageSize: number | null;
}

const CRITERIA_KEYS: Readonly<Record<string, 'filterGroups' | 'sortOrders' | 'pageSize' | 'currentPage'>> = {
  filter_groups: 'filterGroups',
  filterGroups: 'filterGroups',
  sort_orders: 'sortOrders',
  sortOrders: 'sortOrders',
  page_size: 'pageSize',
  pageSize: 'pageSize',
  current_page: 'currentPage',
  currentPage: 'currentPage',
};

export function parseSearchCriteria(query: ParsedQuery, limits: InputLimits): SearchCriteria {
  const raw = query.searchCriteria;
  if (raw === undefined) throw required('searchCriteria');
  const criteria: SearchCriteria = { filterGroups: [], sortOrders: [] };
  if (typeof raw === 'string') return withDefaultPageSize(criteria, limits);

  for (const [key, value] of Object.entries(raw)) {
    const target = CRITERIA_KEYS[key];
    if (!target) throw new MagentoApiError(400, MESSAGES.notSupported, { fieldName: key });
    if (target === 'filterGroups') criteria.filterGroups = listOf(value).map(parseFilterGroup);
    else if (target === 'sortOrders') criteria.sortOrders = listOf(value).map(parseSortOrder);
    else criteria[target] = integer(value);
  }
  if (
    criteria.pageSize !== undefined &&
    limits.maxPageSize !== null &&
    criteria.pageSize > limits.maxPageSize
  ) {
    throw new MagentoApiError(400, MESSAGES.maxPageSize, { max: limits.maxPageSize });
  }
  return withDefaultPageSize(criteria, limits);
}

/** The search_criteria Magento echoes: what was set, with snake_case keys; unset optional parts left out. */
export function echoSearchCriteria(criteria: SearchCriteria): MagentoSearchCriteria {
  const echo: MagentoSearchCriteria = {
    filter_groups: criteria.filterGroups.map((filters) => ({
      filters: filters.map((filter) => {
        const item: { field: string; value?: string; condition_type?: string } = { field: filter.field };
        if (filter.value !== undefined) item.value = filter.value;
        if (filter.conditionType !== undefined) item.condition_type = filter.conditionType;
        return item;
      }),
    })),
  };
  if (criteria.sortOrders.length > 0) {
    echo.sort_orders = criteria.sortOrders.map((order) =>
      order.direction === undefined
        ? { field: order.field }
        : { field: order.field, direction: order.direction },
    );
  }
  if (criteria.pageSize !== undefined) echo.page_size = criteria.pageSize;
  if (criteria.currentPage !== undefined) echo.current_page = criteria.currentPage;
  return echo;
}

function withDefaultPageSize(criteria: SearchCriteria, limits: InputLimits): SearchCriteria {
  if (criteria.pageSize === undefined && limits.maxPageSize !== null && limits.defaultPageSize !== null) {
    criteria.pageSize = limits.defaultPageSize;
  }
  return criteria;
}

function parseFilterGroup(value: string | ParsedQuery): SearchFilter[] {
  if (typeof value === 'string') throw invalidType(value, 'Magento\\Framework\\Api\\Search\\FilterGroup');
  const filters: SearchFilter[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (key !== 'filters') throw new MagentoApiError(400, MESSAGES.notSupported, { fieldName: key });
    filters.push(...listOf(item).map(parseFilter));
  }
  return filters;
}

function parseFilter(value: string | ParsedQuery): SearchFilter {
  if (typeof value === 'string') throw invalidType(value, 'Magento\\Framework\\Api\\Filter');
  const filter: Partial<SearchFilter> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') throw invalidType('Array', 'string');
    if (key === 'field') filter.field = item;
    else if (key === 'value') filter.value = item;
    else if (key === 'condition_type' || key === 'conditionType') filter.conditionType = item;
    else throw new MagentoApiError(400, MESSAGES.notSupported, { fieldName: key });
  }
  if (filter.field === undefined || filter.field === '') throw required('field');
  return filter as SearchFilter;
}

function parseSortOrder(value: string | ParsedQuery): SortOrder {
  if (typeof value === 'string') throw invalidType(value, 'Magento\\Framework\\Api\\SortOrder');
  let field: string | undefined;
  let direction: SortOrder['direction'];
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') throw invalidType('Array', 'string');
    if (key === 'field') {
      field = item;
    } else if (key === 'direction') {
      const normalized = item.toUpperCase();
      if (normalized !== 'ASC' && normalized !== 'DESC')
        throw new MagentoApiError(400, MESSAGES.sortDirection, ['ASC', 'DESC']);
      direction = normalized;
    } else {
      throw new MagentoApiError(400, MESSAGES.notSupported, { fieldName: key });
    }
  }
  if (field === undefined || field === '') throw required('field');
  return direction === undefined ? { field } : { field, direction };
}

/** PHP arrays arrive as objects keyed "0", "1", ...; Magento reads them in key order. */
function listOf(value: string | ParsedQuery): Array<string | ParsedQuery> {
  if (typeof value === 'string') return value === '' ? [] : [value];
  return Object.values(value);
}

function integer(value: string | ParsedQuery): number {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value.trim())) {
    throw invalidType(typeof value === 'string' ? value : 'Array', 'int');
  }
  return Number(value.trim());
}
