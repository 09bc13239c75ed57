/**
 * The Cloud adapter's channel settings: how to reach a JSON HTTP API (path, auth), how it pages, how it
 * selects by change time, where the items are and how they map (JSON in `mapping`). The defaults describe
 * the Kontor cloud shape (docs/protocols/cloud.md), so such a channel needs only its URL and `token`.
 */
import { SettingError } from '../../domain/errors.ts';
import {
  declareSettings,
  optionalField,
  pageSizeField,
  readPageSize,
  requestsPerSecondField,
} from '../kit/index.ts';
import type { SettingReader } from '../setting-values.ts';
import { SINCE_FORMATS, type SinceFormat } from './dates.ts';
import { type JsonPath, parsePath } from './json-path.ts';
import { type CloudMapping, readMapping } from './mapping.ts';

export const AUTH_KINDS = ['bearer', 'api-key', 'basic', 'none'] as const;
export const PAGING_KINDS = ['cursor', 'next-link', 'page', 'offset'] as const;
export type CloudAuth =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string }
  | { kind: 'api-key'; header: string; token: string }
  | { kind: 'basic'; username: string; password: string };

export type CloudPaging =
  | { kind: 'cursor'; cursorParam: string; nextPath: JsonPath }
  | { kind: 'next-link'; nextPath: JsonPath }
  | { kind: 'page'; pageParam: string; firstPage: number }
  | { kind: 'offset'; offsetParam: string };

export interface CloudSettings {
  auth: CloudAuth;
  customersPath: string;
  /** Path of the item list in the answer; null: the answer is the list. */
  itemsPath: JsonPath | null;
  paging: CloudPaging;
  sizeParam: string;
  pageSize: number;
  /** null: the API cannot filter by change time; Kontor reads all and filters. */
  changedSince: { param: string; format: SinceFormat } | null;
  /** Parameters sent with every request (e.g. the sort order). */
  extraQuery: Array<[string, string]>;
  mapping: CloudMapping;
  requestsPerSecond: number | null;
}

export const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;
const PARAM = /^[A-Za-z0-9_.[\]-]+$/;
const HEADER = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** The fields with their defaults (the Kontor cloud shape), parsed by `readCloud`. */
export const cloudSettings = declareSettings<CloudSettings>(
  'Cloud',
  [
    optionalField(
      'auth',
      'Authentication',
      'string',
      `How requests authenticate: ${AUTH_KINDS.join(', ')}.`,
      'bearer',
    ),
    optionalField(
      'token',
      'Token / API key',
      'secret',
      'The bearer token (auth bearer) or the API key (auth api-key).',
    ),
    optionalField(
      'apiKeyHeader',
      'API key header',
      'string',
      'The header that carries the API key (auth api-key).',
      'X-API-Key',
    ),
    optionalField('username', 'User', 'string', 'User name (auth basic).'),
    optionalField('password', 'Password', 'secret', 'Password (auth basic).'),
    optionalField(
      'customersPath',
      'Customers path',
      'string',
      'Path of the customer list below the URL.',
      '/api/v1/customers',
    ),
    optionalField(
      'itemsPath',
      'Items path',
      'string',
      'Path of the item list in the answer ("$": the answer is the list).',
      'items',
    ),
    optionalField(
      'paging',
      'Paging',
      'string',
      'cursor (a next cursor in the answer, sent back as a parameter), next-link (a next URL in the answer), page (page numbers), offset.',
      'cursor',
    ),
    pageSizeField(DEFAULT_PAGE_SIZE, `Items per request (1-${MAX_PAGE_SIZE}).`),
    optionalField('sizeParam', 'Page size parameter', 'string', 'Query parameter of the page size.', 'limit'),
    optionalField(
      'cursorParam',
      'Cursor parameter',
      'string',
      'Query parameter of the cursor (paging cursor).',
      'cursor',
    ),
    optionalField(
      'nextPath',
      'Next path',
      'string',
      'Path of the next cursor or next link in the answer (paging cursor, next-link).',
      'nextCursor',
    ),
    optionalField(
      'pageParam',
      'Page parameter',
      'string',
      'Query parameter of the page number (paging page).',
      'page',
    ),
    optionalField(
      'firstPage',
      'First page',
      'number',
      'Number of the first page: 0 or 1 (paging page).',
      '1',
    ),
    optionalField(
      'offsetParam',
      'Offset parameter',
      'string',
      'Query parameter of the offset (paging offset).',
      'offset',
    ),
    optionalField(
      'changedSinceParam',
      'Changed since parameter',
      'string',
      'Query parameter that selects items changed at or after an instant; "none" when the API has none (Kontor then reads all and filters).',
      'updatedSince',
    ),
    optionalField(
      'changedSinceFormat',
      'Changed since format',
      'string',
      `Format of that instant: ${SINCE_FORMATS.join(', ')}.`,
      'iso',
    ),
    optionalField(
      'extraQuery',
      'Extra query',
      'string',
      'Parameters sent with every request, e.g. "sort=updated_at&order=asc".',
    ),
    optionalField(
      'mapping',
      'Field mapping',
      'string',
      'JSON object: customer field -> path in an item; replaces the defaults key by key (docs/adapters/cloud.md).',
    ),
    requestsPerSecondField('Upper limit of requests Kontor sends per second.'),
  ],
  readCloud,
);

export const readCloudSettings = cloudSettings.parse;

function readCloud(read: SettingReader): CloudSettings {
  const param = (key: string, fallback: string): string => {
    const value = read.text(key) || fallback;
    if (!PARAM.test(value))
      throw read.invalid(key, value, 'a query parameter name (letters, digits, _ . - [ ])');
    return value;
  };
  const path = (key: string, fallback: string): JsonPath => {
    const value = read.text(key) || fallback;
    const parsed = parsePath(value, { comparison: false });
    if (typeof parsed === 'string') throw read.invalid(key, value, parsed);
    return parsed;
  };
  const pagingKind = read.choice('paging', PAGING_KINDS) ?? 'cursor';
  const paging: CloudPaging =
    pagingKind === 'cursor'
      ? {
          kind: 'cursor',
          cursorParam: param('cursorParam', 'cursor'),
          nextPath: path('nextPath', 'nextCursor'),
        }
      : pagingKind === 'next-link'
        ? { kind: 'next-link', nextPath: path('nextPath', 'next') }
        : pagingKind === 'page'
          ? {
              kind: 'page',
              pageParam: param('pageParam', 'page'),
              firstPage: read.integer('firstPage', 0, 1) ?? 1,
            }
          : { kind: 'offset', offsetParam: param('offsetParam', 'offset') };
  const sinceParam = read.text('changedSinceParam') || 'updatedSince';
  const customersPath = read.text('customersPath') || '/api/v1/customers';
  if (!/^\/[^\s?#]*$/.test(customersPath))
    throw read.invalid('customersPath', customersPath, 'a path starting with "/"');
  const itemsPath = read.text('itemsPath') || 'items';
  return {
    auth: readAuth(read),
    customersPath,
    itemsPath: itemsPath === '$' ? null : path('itemsPath', 'items'),
    paging,
    sizeParam: param('sizeParam', 'limit'),
    pageSize: readPageSize(read, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
    changedSince:
      sinceParam.toLowerCase() === 'none'
        ? null
        : {
            param: param('changedSinceParam', sinceParam),
            format: read.choice('changedSinceFormat', SINCE_FORMATS) ?? 'iso',
          },
    extraQuery: readExtraQuery(read.text('extraQuery')),
    mapping: readMapping(read.text('mapping')),
    requestsPerSecond: read.positiveNumber('requestsPerSecond'),
  };
}

function readAuth(read: SettingReader): CloudAuth {
  const kind = read.choice('auth', AUTH_KINDS) ?? 'bearer';
  if (kind === 'none') return { kind };
  if (kind === 'basic')
    return {
      kind,
      username: read.required('username', 'the user for basic auth'),
      password: read.required('password', 'the password for basic auth'),
    };
  const token = read.required('token', kind === 'bearer' ? 'the bearer token' : 'the API key');
  if (kind === 'bearer') return { kind, token };
  const header = read.text('apiKeyHeader') || 'X-API-Key';
  if (!HEADER.test(header)) throw read.invalid('apiKeyHeader', header, 'an HTTP header name');
  return { kind, header, token };
}

function readExtraQuery(text: string): Array<[string, string]> {
  if (text === '') return [];
  const pairs = [...new URLSearchParams(text.replace(/^\?/, ''))];
  for (const [key] of pairs) {
    if (!PARAM.test(key))
      throw new SettingError(
        'SETTING_INVALID',
        'extraQuery',
        `The Cloud setting Extra query ("extraQuery") is "${text}"; expected parameters like "sort=updated_at&order=asc".`,
      );
  }
  return pairs;
}
