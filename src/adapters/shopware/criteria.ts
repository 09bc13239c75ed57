/**
 * The search criteria of Shopware 6's Admin API (POST /api/search/<entity>, /api/search-ids/<entity>), as
 * the adapter sends them and the simulator reads them. Field names are entity properties in camelCase
 * ("updatedAt", "addresses.country.iso"); dates are compared as MySQL compares a DATETIME(3) column with
 * a string, so the adapter sends Shopware's storage format "YYYY-MM-DD HH:MM:SS.mmm" (UTC).
 */

export type Filter =
  | { type: 'equals'; field: string; value: string | number | boolean | null }
  | { type: 'equalsAny'; field: string; value: Array<string | number> | string }
  | { type: 'contains' | 'prefix' | 'suffix'; field: string; value: string }
  | { type: 'range'; field: string; parameters: RangeParameters }
  | { type: 'multi' | 'not'; operator?: 'and' | 'or' | 'AND' | 'OR'; queries: Filter[] };

export interface RangeParameters {
  gt?: string | number;
  gte?: string | number;
  lt?: string | number;
  lte?: string | number;
}

export interface Sorting {
  field: string;
  order?: 'ASC' | 'DESC' | 'asc' | 'desc';
  naturalSorting?: boolean;
}

/** `total-count-mode`: 0 / "none" (default), 1 / "exact", 2 / "next-pages". */
export type TotalCountMode = 0 | 1 | 2 | 'none' | 'exact' | 'next-pages';

export interface Criteria {
  page?: number;
  limit?: number;
  ids?: string[];
  filter?: Filter[];
  'post-filter'?: Filter[];
  sort?: Sorting[];
  'total-count-mode'?: TotalCountMode;
  associations?: Record<string, Criteria>;
  /** Per apiAlias ("customer", "customer_address", "country"), the fields to render. */
  includes?: Record<string, string[]>;
}

/** POST /api/search/<entity> with Accept: application/json. */
export interface SearchResult<T> {
  total: number;
  data: T[];
  aggregations: unknown[] | Record<string, unknown>;
}

/** POST /api/search-ids/<entity>. */
export interface IdSearchResult {
  total: number;
  data: string[];
}

export const equals = (field: string, value: string | number | boolean | null): Filter => ({
  type: 'equals',
  field,
  value,
});

export const range = (field: string, parameters: RangeParameters): Filter => ({
  type: 'range',
  field,
  parameters,
});

export const not = (...queries: Filter[]): Filter => ({ type: 'not', operator: 'and', queries });

export const equalsAny = (field: string, value: string[]): Filter => ({ type: 'equalsAny', field, value });
