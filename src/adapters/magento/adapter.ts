/**
 * The Magento 2 / Adobe Commerce adapter. It reads customers with GET /rest/<store>/V1/customers/search
 * using keyset paging over (updated_at, entity_id) ascending: every request asks for page 1 of the
 * customers after the last one read, so customers that change during the read move behind the cursor
 * and are read (again) later instead of being skipped, as offset paging would. See docs/adapters/magento.md.
 */

import { BugError, ConfigError } from '../../domain/errors.ts';
import type { Adapter, CustomerPage, ReadRequest } from '../adapter.ts';
import type { ConnectedApi } from '../kit/connected-api.ts';
import { defineAdapter } from '../kit/define-adapter.ts';
import type { KeysetCursor } from '../kit/keyset-cursor.ts';
import { drivePages } from '../kit/paging.ts';
import { mapRecords, rawField, withRawEmail } from '../map-results.ts';
import { magentoCursor } from './cursor.ts';
import { createMagentoApi, type MagentoApi, type MagentoHttpOptions } from './magento-api.ts';
import { toMagentoDate } from './magento-dates.ts';
import type { MagentoCompany, MagentoCustomer } from './magento-types.ts';
import { mapMagentoCustomer } from './map.ts';
import type { SearchFilter } from './search-criteria.ts';
import { DEFAULT_PAGE_SIZE, type MagentoSettings, magentoSettings } from './settings.ts';

export interface MagentoAdapterOptions {
  /** HTTP client options (timeouts, retry policy; tests pass fast retries). */
  http?: MagentoHttpOptions;
}

/** Longest e-mail list (characters) sent in one `in` filter: keeps the URL well below common server limits. */
const MAX_EMAIL_FILTER_LENGTH = 6_000;

type Connected = ConnectedApi<MagentoApi, MagentoSettings>;

export function createMagentoAdapter(options: MagentoAdapterOptions = {}): Adapter {
  return defineAdapter({
    kind: 'magento',
    label: 'Magento 2 / Adobe Commerce',
    capabilities: {
      changedSince: true,
      byEmail: true,
      deletions: 'id-scan',
      channelTypes: ['b2c', 'b2b', 'b2b-b2c'],
      guests: false,
      alwaysBlocked: false,
      pageSize: DEFAULT_PAGE_SIZE,
      requestsPerSecond: null,
    },
    settings: magentoSettings,
    connect: (url, settings): Connected => ({ api: createMagentoApi(url, settings, options.http), settings }),

    async check({ api, settings }, signal) {
      const result = await api.searchCustomers(
        { filterGroups: baseFilters(settings, null, null), sortOrders: [], pageSize: 1, currentPage: 1 },
        signal,
      );
      const count = result.total_count;
      const noun = count === 1 ? 'customer' : 'customers';
      const scope = settings.websiteId === null ? '' : ` in website ${settings.websiteId}`;
      return {
        ok: true,
        message: `Connected to ${api.host}: ${count.toLocaleString('en-US')} ${noun}${scope}.`,
        customerCount: count,
      };
    },

    readCustomers: readPages,
    listIds: listCustomerIds,
    readByIds: readByEntityIds,
  });
}

export const magentoAdapter: Adapter = createMagentoAdapter();

async function* readPages({ api, settings }: Connected, request: ReadRequest): AsyncGenerator<CustomerPage> {
  const emails = request.emails === null ? null : emailList(request.emails);
  if (emails !== null && emails.length === 0) return;
  const companies = new Map<number, MagentoCompany | null>();
  // total_count answers how many match the filters, the keyset filters included: the customers from the page
  // fetched on. With those read before, that is the read's total, corrected on every page.
  let remaining: number | null = null;
  let readBefore = 0;
  const pages = drivePages({
    start: request.cursor === null ? null : magentoCursor.decode(request.cursor),
    signal: request.signal,
    async fetch(cursor) {
      const filterGroups = baseFilters(settings, request.since, emails);
      if (cursor) {
        filterGroups.push([{ field: 'updated_at', value: cursor.changedAt, conditionType: 'gteq' }]);
        filterGroups.push([
          { field: 'updated_at', value: cursor.changedAt, conditionType: 'gt' },
          { field: 'entity_id', value: cursor.id, conditionType: 'gt' },
        ]);
      }
      const { items, total_count } = await api.searchCustomers(
        {
          filterGroups,
          sortOrders: [
            { field: 'updated_at', direction: 'ASC' },
            { field: 'entity_id', direction: 'ASC' },
          ],
          pageSize: settings.pageSize,
          currentPage: 1,
        },
        request.signal,
      );
      if (items.length === 0) return null;
      remaining = total_count;
      return { items, next: keyOf(items.at(-1), api.host), last: items.length < settings.pageSize };
    },
    advanced: magentoCursor.advanced,
    describe: magentoCursor.describe,
    stuckCode: 'MAGENTO_PAGING_STUCK',
    stuckMessage: `${api.host} does not honour the search filters: the customer search did not move past the last customer read.`,
  });
  for await (const { items, position } of pages) {
    if (settings.b2bCompanies) await loadCompanies(api, items, companies, request.signal);
    const known = new Map(
      [...companies].filter((entry): entry is [number, MagentoCompany] => entry[1] !== null),
    );
    const { customers, rejected } = mapRecords(items, (item) =>
      withRawEmail(mapMagentoCustomer(item, { companies: known }), rawField(item, 'email')),
    );
    const total =
      remaining === null ? undefined : Math.max(readBefore + remaining, readBefore + items.length);
    readBefore += items.length;
    yield { customers, rejected, deleted: [], cursor: magentoCursor.encode(position), total };
  }
}

/**
 * The customers of these ids (open records read again): searchCriteria `entity_id in (...)`, a page of ids per
 * request. Ids that are not whole numbers cannot be Magento customers and are left out.
 */
async function* readByEntityIds(
  { api, settings }: Connected,
  externalIds: readonly string[],
  signal: AbortSignal | undefined,
): AsyncGenerator<CustomerPage> {
  const ids = [...new Set(externalIds.filter((id) => /^[1-9]\d{0,18}$/.test(id)))];
  const companies = new Map<number, MagentoCompany | null>();
  for (let start = 0; start < ids.length; start += settings.pageSize) {
    signal?.throwIfAborted();
    const batch = ids.slice(start, start + settings.pageSize);
    const filterGroups = baseFilters(settings, null, null);
    filterGroups.push([{ field: 'entity_id', value: batch.join(','), conditionType: 'in' }]);
    const { items } = await api.searchCustomers(
      {
        filterGroups,
        sortOrders: [{ field: 'entity_id', direction: 'ASC' }],
        pageSize: batch.length,
        currentPage: 1,
      },
      signal,
    );
    if (settings.b2bCompanies) await loadCompanies(api, items, companies, signal);
    const known = new Map(
      [...companies].filter((entry): entry is [number, MagentoCompany] => entry[1] !== null),
    );
    const { customers, rejected } = mapRecords(items, (item) =>
      mapMagentoCustomer(item, { companies: known }),
    );
    yield { customers, rejected, deleted: [], cursor: null };
  }
}

/** Every customer id of the channel (the website's, if set), in batches of a page, ascending by entity_id. */
async function* listCustomerIds(
  { api, settings }: Connected,
  signal: AbortSignal | undefined,
): AsyncGenerator<string[]> {
  const pages = drivePages<number, number[]>({
    start: 0,
    signal,
    async fetch(after) {
      const filterGroups = baseFilters(settings, null, null);
      filterGroups.push([{ field: 'entity_id', value: String(after ?? 0), conditionType: 'gt' }]);
      const { items } = await api.searchCustomers(
        {
          filterGroups,
          sortOrders: [{ field: 'entity_id', direction: 'ASC' }],
          pageSize: settings.pageSize,
          currentPage: 1,
        },
        signal,
      );
      const ids = items.map((item) => Number(keyOf(item, api.host).id));
      if (ids.length === 0) return null;
      return { items: ids, next: ids.at(-1) as number, last: ids.length < settings.pageSize };
    },
    advanced: (previous, next) => next > previous,
    stuckCode: 'MAGENTO_PAGING_STUCK',
    stuckMessage: `${api.host} does not honour the id filter of the customer search.`,
  });
  for await (const { items } of pages) yield items.map(String);
}

/** Filter groups every request has: changed since, e-mails, website. */
function baseFilters(
  settings: MagentoSettings,
  since: Date | null,
  emails: string[] | null,
): SearchFilter[][] {
  const groups: SearchFilter[][] = [];
  if (since) groups.push([{ field: 'updated_at', value: toMagentoDate(since), conditionType: 'gteq' }]);
  if (emails) groups.push([{ field: 'email', value: emails.join(','), conditionType: 'in' }]);
  if (settings.websiteId !== null)
    groups.push([{ field: 'website_id', value: String(settings.websiteId), conditionType: 'eq' }]);
  return groups;
}

/** Trimmed, distinct (ignoring case) e-mails for an `in` filter, which Magento splits at commas without trimming. */
function emailList(emails: readonly string[]): string[] {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const raw of emails) {
    const email = raw.trim();
    if (email === '' || seen.has(email.toLowerCase())) continue;
    if (email.includes(','))
      throw new ConfigError('INVALID_EMAIL_SELECTION', `"${email}" is not an e-mail address.`);
    seen.add(email.toLowerCase());
    list.push(email);
  }
  if (list.join(',').length > MAX_EMAIL_FILTER_LENGTH) {
    throw new ConfigError(
      'MAGENTO_TOO_MANY_EMAILS',
      `Too many e-mail addresses for one selection (${list.length}); select fewer or import by change date.`,
    );
  }
  return list;
}

/** The keyset of a customer: updated_at as the shop wrote it and entity_id. */
function keyOf(item: unknown, host: string): KeysetCursor {
  const customer = item as MagentoCustomer | undefined;
  if (typeof customer?.id !== 'number' || typeof customer.updated_at !== 'string') {
    throw new BugError('MAGENTO_UNEXPECTED_RESPONSE', `${host} sent a customer without id or updated_at.`);
  }
  return { changedAt: customer.updated_at, id: String(customer.id) };
}

async function loadCompanies(
  api: MagentoApi,
  items: readonly unknown[],
  cache: Map<number, MagentoCompany | null>,
  signal: AbortSignal | undefined,
): Promise<void> {
  for (const item of items) {
    const id = (item as MagentoCustomer).extension_attributes?.company_attributes?.company_id;
    if (typeof id !== 'number' || id <= 0 || cache.has(id)) continue;
    cache.set(id, await api.company(id, signal));
  }
}
