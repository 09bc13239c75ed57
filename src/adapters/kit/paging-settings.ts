/**
 * The paging settings, declared once: the page size (a default and the most the server takes) and the
 * request rate: for a protocol with a rate limit, that limit and the adapter's own default pace below it
 * (so that network jitter does not bunch requests over the limit); for a server without one, an optional
 * throttle (null: unthrottled). Adapters declare their limits and spread the two setting fields and their
 * values into their settings.
 */
import type { SettingField } from '../adapter.ts';
import type { SettingReader } from '../setting-values.ts';
import {
  pageSizeField,
  readOptionalRequestsPerSecond,
  readPageSize,
  readRequestsPerSecond,
  requestsPerSecondField,
} from './settings.ts';

/** The page size of a server without a rate limit. */
export interface PageLimits {
  defaultPageSize: number;
  /** The most customers the server returns per request. */
  maxPageSize: number;
  /** The page size field's description; default "Customers per request (1-<max>)." */
  pageSizeDescription?: string;
}

/** The page size and the rate limit of a protocol with one. */
export interface PagingLimits extends PageLimits {
  /** Requests per second the protocol allows. */
  rateLimit: number;
  /** The adapter's own pace, at most `rateLimit`. */
  defaultRate: number;
  /** Whose limit `rateLimit` is, in the field's description and the refusal: "the protocol's limit". */
  limitName: string;
}

/** The settings every paged adapter reads. */
export interface PagingSettings {
  /** Customers per request. */
  pageSize: number;
  /** Upper limit of requests per second Kontor sends. */
  requestsPerSecond: number;
}

export interface ThrottledPagingSettings {
  pageSize: number;
  /** null: unthrottled. */
  requestsPerSecond: number | null;
}

/** The `pageSize` and `requestsPerSecond` fields for these limits (with or without a rate limit). */
export function pagingFields(limits: PageLimits | PagingLimits): SettingField[] {
  const pageSize = pageSizeField(
    limits.defaultPageSize,
    limits.pageSizeDescription ?? `Customers per request (1-${limits.maxPageSize}).`,
  );
  if (!('rateLimit' in limits)) return [pageSize, requestsPerSecondField()];
  return [
    pageSize,
    requestsPerSecondField(
      `Upper limit of requests Kontor sends per second (at most ${limits.rateLimit}, ${limits.limitName}).`,
      limits.defaultRate,
    ),
  ];
}

/** The page size, else its default, and the optional throttle of a server without a rate limit. */
export function readThrottledPaging(read: SettingReader, limits: PageLimits): ThrottledPagingSettings {
  return {
    pageSize: readPageSize(read, limits.maxPageSize, limits.defaultPageSize),
    requestsPerSecond: readOptionalRequestsPerSecond(read),
  };
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
