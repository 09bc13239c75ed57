/**
 * The paging settings of a protocol with a rate limit, declared once: the page size (a default and the
 * most the server takes) and the request rate (the protocol's limit and the adapter's own default pace
 * below it, so that network jitter does not bunch requests over the limit), as the two setting fields and
 * their reader. Adapters declare their limits and spread the fields and the values into their settings.
 */
import type { SettingField } from '../adapter.ts';
import type { SettingReader } from '../setting-values.ts';
import { pageSizeField, readPageSize, readRequestsPerSecond, requestsPerSecondField } from './settings.ts';

export interface PagingLimits {
  defaultPageSize: number;
  /** The most customers the server returns per request. */
  maxPageSize: number;
  /** The page size field's description; default "Customers per request (1-<max>)." */
  pageSizeDescription?: string;
  /** Requests per second the protocol allows. */
  rateLimit: number;
  /** The adapter's own pace, at most `rateLimit`. */
  defaultRate: number;
  /** Whose limit `rateLimit` is, in the field's description and the refusal: "the protocol's limit". */
  limitName: string;
}

export interface PagingSettings {
  pageSize: number;
  requestsPerSecond: number;
}

/** The `pageSize` and `requestsPerSecond` fields of a protocol with these limits. */
export function pagingFields(limits: PagingLimits): SettingField[] {
  return [
    pageSizeField(
      limits.defaultPageSize,
      limits.pageSizeDescription ?? `Customers per request (1-${limits.maxPageSize}).`,
    ),
    requestsPerSecondField(
      `Upper limit of requests Kontor sends per second (at most ${limits.rateLimit}, ${limits.limitName}).`,
      limits.defaultRate,
    ),
  ];
}

/** The page size and the request rate (refused above the limit), else their defaults. */
export function readPaging(read: SettingReader, limits: PagingLimits): PagingSettings {
  const requestsPerSecond = readRequestsPerSecond(
    read,
    limits.defaultRate,
    limits.rateLimit,
    limits.limitName,
  );
  return { pageSize: readPageSize(read, limits.maxPageSize, limits.defaultPageSize), requestsPerSecond };
}
