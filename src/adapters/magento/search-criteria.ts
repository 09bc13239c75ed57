/**
 * Magento's SearchCriteria (Magento\Framework\Api\SearchCriteriaInterface) as the adapter builds it and
 * the simulator reads it. Filters inside one group are OR-ed, groups are AND-ed; there is no OR across
 * groups. On the wire it is a PHP-style query: searchCriteria[filter_groups][g][filters][f][field|value|
 * condition_type], searchCriteria[sortOrders][k][field|direction], searchCriteria[pageSize],
 * searchCriteria[currentPage] (1-based).
 */
import type { QueryValue } from '../http/query-string.ts';

/** The condition types Magento documents for REST searches. */
export const CONDITION_TYPES = [
  'eq',
  'neq',
  'gt',
  'gteq',
  'lt',
  'lteq',
  'moreq',
  'like',
  'nlike',
  'in',
  'nin',
  'null',
  'notnull',
  'from',
  'to',
  'finset',
  'nfinset',
] as const;
export type ConditionType = (typeof CONDITION_TYPES)[number];

export interface SearchFilter {
  field: string;
  /** Absent for null / notnull. For in / nin: a comma-separated list (no spaces: Magento does not trim). */
  value?: string;
  /** Default eq. */
  conditionType?: string;
}

export interface SortOrder {
  field: string;
  /** Magento sorts DESC when the direction is missing. */
  direction?: 'ASC' | 'DESC';
}

export interface SearchCriteria {
  /** AND of groups; each group an OR of its filters. */
  filterGroups: SearchFilter[][];
  sortOrders: SortOrder[];
  pageSize?: number;
  currentPage?: number;
}

/** The query parameters for a search: `{ searchCriteria: { ... } }` for buildQueryString. */
export function searchCriteriaQuery(criteria: SearchCriteria): Record<string, QueryValue> {
  const empty =
    criteria.filterGroups.every((filters) => filters.length === 0) &&
    criteria.sortOrders.length === 0 &&
    criteria.pageSize === undefined &&
    criteria.currentPage === undefined;
  // "searchCriteria=" alone means "everything"; without the parameter Magento answers 400.
  if (empty) return { searchCriteria: '' };
  return {
    searchCriteria: {
      filter_groups: criteria.filterGroups.map((filters) => ({
        filters: filters.map((filter) => ({
          field: filter.field,
          value: filter.value,
          condition_type: filter.conditionType ?? 'eq',
        })),
      })),
      sortOrders: criteria.sortOrders.map((order) => ({ field: order.field, direction: order.direction })),
      pageSize: criteria.pageSize,
      currentPage: criteria.currentPage,
    },
  };
}
