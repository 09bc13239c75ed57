/**
 * The Shopware 6 adapter. It reads customers with POST /api/search/customer (with their addresses and
 * the addresses' countries) in ascending order of change time. Shopware leaves updatedAt null until a
 * customer is first changed, so the change time is updatedAt ?? createdAt, which the DAL can neither sort
 * nor page by. The adapter therefore reads two keyset streams and merges them: customers never changed
 * (updatedAt null, by createdAt) and changed customers (by updatedAt). A customer changed during the read
 * leaves the first stream and turns up again, with its new data, in the second. Deleted customers are
 * found by an id scan (createdAt never changes, so a scan in createdAt order skips nothing when customers
 * are deleted meanwhile). See docs/adapters/shopware.md.
 */
import type { Adapter, CheckResult, CustomerPage, ReadRequest } from '../adapter.ts';
import { throwIfAborted } from '../http/abort.ts';
import type { ConnectedApi } from '../kit/connected-api.ts';
import { defineAdapter } from '../kit/define-adapter.ts';
import { compareOrdinal } from '../kit/paging.ts';
import { mapRecords } from '../map-results.ts';
import { type Criteria, equals, type Filter, not, range } from './criteria.ts';
import { decodeCursor, encodeCursor, START_CURSOR } from './cursor.ts';
import { type Keyed, KeysetStream, type StreamPosition } from './keyset.ts';
import { mapShopwareCustomer } from './map.ts';
import { DEFAULT_PAGE_SIZE, type ShopwareSettings, shopwareSettings } from './settings.ts';
import { createShopwareApi, type ShopwareApi, type ShopwareHttpOptions } from './shopware-api.ts';
import { toStorageDate } from './shopware-dates.ts';

export interface ShopwareAdapterOptions {
  /** HTTP client options (timeouts, retry policy, clock; tests pass fast retries). */
  http?: ShopwareHttpOptions;
  /** Most ids a request excludes before a group of equal change times is read page by page (tests: small). */
  maxExcludedIds?: number;
}

const DEFAULT_MAX_EXCLUDED_IDS = 1000;

/** What the adapter reads of a customer (`includes` keeps Shopware's answers small). */
const CUSTOMER_FIELDS = [
  'id',
  'customerNumber',
  'email',
  'firstName',
  'lastName',
  'company',
  'vatIds',
  'accountType',
  'guest',
  'createdAt',
  'updatedAt',
  'defaultBillingAddressId',
  'defaultShippingAddressId',
  'addresses',
];
const ADDRESS_FIELDS = [
  'id',
  'company',
  'street',
  'additionalAddressLine1',
  'additionalAddressLine2',
  'zipcode',
  'city',
  'countryId',
  'phoneNumber',
  'createdAt',
  'country',
];

/** Addresses with their country, in a fixed order (without a sort MySQL may return them in any order). */
function withAddresses(criteria: Criteria): Criteria {
  return {
    ...criteria,
    associations: {
      addresses: {
        associations: { country: {} },
        sort: [
          { field: 'createdAt', order: 'ASC' },
          { field: 'id', order: 'ASC' },
        ],
      },
    },
    includes: { customer: CUSTOMER_FIELDS, customer_address: ADDRESS_FIELDS, country: ['id', 'iso', 'name'] },
  };
}

type Connected = ConnectedApi<ShopwareApi, ShopwareSettings> & { maxExcluded: number };

export function createShopwareAdapter(options: ShopwareAdapterOptions = {}): Adapter {
  const maxExcluded = options.maxExcludedIds ?? DEFAULT_MAX_EXCLUDED_IDS;
  return defineAdapter({
    kind: 'shopware',
    label: 'Shopware 6',
    // Changed since, no By email, no rate limit: the kit's defaults.
    capabilities: {
      deletions: 'id-scan',
      channelTypes: ['b2c', 'b2b', 'b2b-b2c'],
      guests: true,
      pageSize: DEFAULT_PAGE_SIZE,
    },
    settings: shopwareSettings,
    connect: (url, settings): Connected => ({
      api: createShopwareApi(url, settings, options.http),
      settings,
      maxExcluded,
    }),

    async check({ api, settings }, signal): Promise<CheckResult> {
      const result = await api.searchIds(
        'customer',
        { limit: 1, filter: baseFilters(settings), 'total-count-mode': 1 },
        signal,
      );
      const count = result.total;
      const noun = count === 1 ? 'customer' : 'customers';
      const scope = settings.salesChannelId === null ? '' : ` in sales channel ${settings.salesChannelId}`;
      return {
        ok: true,
        message: `Connected to ${api.host} with integration ${settings.clientId}: ${count.toLocaleString('en-US')} ${noun}${scope}.`,
        customerCount: count,
      };
    },

    readCustomers: readPages,
    listIds: listCustomerIds,
    readByIds: readByCustomerIds,
  });
}

export const shopwareAdapter: Adapter = createShopwareAdapter();

async function* readPages(
  { api, settings, maxExcluded }: Connected,
  request: ReadRequest,
): AsyncGenerator<CustomerPage> {
  const start = request.cursor === null ? START_CURSOR : decodeCursor(request.cursor);
  const since = request.since === null ? null : toStorageDate(request.since);
  const search = (criteria: Criteria) => api.search<unknown>('customer', criteria, request.signal);
  const stream = (timeField: string, filters: Filter[], at: StreamPosition) =>
    new KeysetStream(
      {
        timeField,
        filters: [...baseFilters(settings), ...filters],
        pageSize: settings.pageSize,
        maxExcluded,
        decorate: withAddresses,
        search,
        host: api.host,
        signal: request.signal,
      },
      at,
    );
  // Never changed: updatedAt is null, the change time is createdAt.
  const fresh = stream(
    'createdAt',
    [equals('updatedAt', null), ...(since ? [range('createdAt', { gte: since })] : [])],
    start.fresh,
  );
  // Changed at least once: the change time is updatedAt.
  const changed = stream(
    'updatedAt',
    [since ? range('updatedAt', { gte: since }) : not(equals('updatedAt', null))],
    start.changed,
  );

  // Each stream pages through the kit's paging driver; this merges their records into pages.
  for (;;) {
    throwIfAborted(request.signal);
    const records: Keyed[] = [];
    while (records.length < settings.pageSize) {
      const a = await fresh.peek();
      const b = await changed.peek();
      if (a === null && b === null) break;
      const next = b === null || (a !== null && compare(a, b) <= 0) ? fresh : changed;
      records.push(next.take());
    }
    if (records.length === 0) return;
    const { customers, rejected } = mapRecords(
      records.map((record) => record.raw),
      mapShopwareCustomer,
    );
    yield {
      customers,
      rejected,
      deleted: [],
      cursor: encodeCursor({ fresh: fresh.at, changed: changed.at }),
    };
    if (records.length < settings.pageSize) return;
  }
}

/**
 * The customers of these ids (open records read again): the search's `ids` (Shopware returns those that exist
 * and match the filters), a page of ids per request. Ids that are not Shopware UUIDs are left out.
 */
async function* readByCustomerIds(
  { api, settings }: Connected,
  externalIds: readonly string[],
  signal: AbortSignal | undefined,
): AsyncGenerator<CustomerPage> {
  const ids = [...new Set(externalIds.filter((id) => /^[0-9a-f]{32}$/.test(id)))];
  for (let start = 0; start < ids.length; start += settings.pageSize) {
    throwIfAborted(signal);
    const batch = ids.slice(start, start + settings.pageSize);
    const criteria = withAddresses({ ids: batch, filter: baseFilters(settings), limit: batch.length });
    const { data } = await api.search<unknown>('customer', criteria, signal);
    const { customers, rejected } = mapRecords(data, mapShopwareCustomer);
    yield { customers, rejected, deleted: [], cursor: null };
  }
}

/** Every customer id of the channel, in batches of a page, in (createdAt, id) order. */
async function* listCustomerIds(
  { api, settings, maxExcluded }: Connected,
  signal: AbortSignal | undefined,
): AsyncGenerator<string[]> {
  const ids = new KeysetStream({
    timeField: 'createdAt',
    filters: baseFilters(settings),
    pageSize: settings.pageSize,
    maxExcluded,
    decorate: (criteria) => ({ ...criteria, includes: { customer: ['id', 'createdAt'] } }),
    search: (criteria) => api.search<unknown>('customer', criteria, signal),
    host: api.host,
    signal,
  });
  for (;;) {
    throwIfAborted(signal);
    const batch: string[] = [];
    while (batch.length < settings.pageSize && (await ids.peek()) !== null) batch.push(ids.take().id);
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < settings.pageSize) return;
  }
}

function baseFilters(settings: ShopwareSettings): Filter[] {
  return settings.salesChannelId === null ? [] : [equals('salesChannelId', settings.salesChannelId)];
}

/** Change-time order; between the two streams at the same instant, by id. */
function compare(a: Keyed, b: Keyed): number {
  return compareOrdinal(a.time, b.time) || compareOrdinal(a.id, b.id);
}
