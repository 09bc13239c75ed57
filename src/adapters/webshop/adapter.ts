/**
 * The Comarch ERP Webshop adapter (protocol 17, business customers only). Every read starts with the
 * protocol handshake, then pages through GET /api/erp/customers in (modifiedAt, id) order with a keyset, so
 * customers changed during the read move behind the cursor instead of being skipped. The list holds
 * tombstones of deleted accounts in the same order. See docs/adapters/webshop.md and docs/protocols/webshop.md.
 */
import { BugError } from '../../domain/errors.ts';
import type { Adapter, CustomerPage, ReadRequest } from '../adapter.ts';
import type { ConnectedApi } from '../kit/connected-api.ts';
import { defineAdapter } from '../kit/define-adapter.ts';
import { type KeysetCursor, keysetCursorCodec } from '../kit/keyset-cursor.ts';
import { drivePages } from '../kit/paging.ts';
import { mapFeedItems } from '../map-results.ts';
import { isRecord } from '../record-values.ts';
import { mapWebshopItem } from './map.ts';
import { WEBSHOP_PAGING, type WebshopSettings, webshopSettings } from './settings.ts';
import { createWebshopApi, type WebshopApi, type WebshopHttpOptions } from './webshop-api.ts';
import { webshopTimeOrder } from './webshop-dates.ts';

export interface WebshopAdapterOptions {
  /** HTTP client options (timeouts, retry policy; tests pass fast retries). */
  http?: WebshopHttpOptions;
  /** Clock for request timestamps (tests of the clock-skew check). */
  now?: () => number;
}

export const webshopCursor = keysetCursorCodec('webshop', {
  instantOf: webshopTimeOrder,
  compareIds: (a, b) => Number(a) - Number(b),
});

type Connected = ConnectedApi<WebshopApi, WebshopSettings>;

export function createWebshopAdapter(options: WebshopAdapterOptions = {}): Adapter {
  return defineAdapter({
    kind: 'webshop',
    label: 'Comarch ERP Webshop',
    capabilities: {
      changedSince: true,
      byEmail: false,
      deletions: 'tombstones',
      channelTypes: ['b2b'],
      guests: false,
      alwaysBlocked: false,
      pageSize: WEBSHOP_PAGING.defaultPageSize,
      requestsPerSecond: WEBSHOP_PAGING.rateLimit,
    },
    settings: webshopSettings,
    connect: (url, settings): Connected => ({
      api: createWebshopApi(url, settings, options.http, options.now),
      settings,
    }),

    async check({ api, settings }, signal) {
      const info = await api.handshake(signal);
      // A signed request proves the shop name and key; one customer is enough.
      await api.customers({ modifiedFrom: null, after: null, limit: 1 }, signal);
      return {
        ok: true,
        message: `Connected to ${api.host} (${info.product} ${info.version}, protocol 17) as shop "${settings.shopName}".`,
        customerCount: null,
      };
    },

    readCustomers: readPages,
    readByIds,
  });
}

export const webshopAdapter: Adapter = createWebshopAdapter();

async function* readPages({ api, settings }: Connected, request: ReadRequest): AsyncGenerator<CustomerPage> {
  await api.handshake(request.signal);
  const pages = drivePages({
    start: request.cursor === null ? null : webshopCursor.decode(request.cursor),
    signal: request.signal,
    async fetch(cursor) {
      const page = await api.customers(
        {
          modifiedFrom: request.since?.toISOString() ?? null,
          after: cursor === null ? null : { modifiedAt: cursor.changedAt, id: cursor.id },
          limit: settings.pageSize,
        },
        request.signal,
      );
      if (page.items.length === 0) return null;
      return { items: page.items, next: lastKeyOf(page.items, api.host), last: !page.hasMore };
    },
    advanced: webshopCursor.advanced,
    describe: webshopCursor.describe,
    stuckCode: 'WEBSHOP_PAGING_STUCK',
    stuckMessage: `${api.host} does not honour the paging parameters: the customer list did not move past the last customer read.`,
  });
  for await (const { items, position } of pages) {
    const { customers, rejected, deleted } = mapFeedItems(items, mapWebshopItem);
    yield { customers, rejected, deleted, cursor: webshopCursor.encode(position) };
  }
}

/** The items of these ids (open records read again): the list's `ids` parameter, a page of ids per request. */
async function* readByIds(
  { api, settings }: Connected,
  externalIds: readonly string[],
  signal: AbortSignal | undefined,
): AsyncGenerator<CustomerPage> {
  const ids = [...new Set(externalIds.filter((id) => /^[1-9]\d{0,15}$/.test(id)))];
  if (ids.length === 0) return;
  await api.handshake(signal);
  for (let start = 0; start < ids.length; start += settings.pageSize) {
    signal?.throwIfAborted();
    const batch = ids.slice(start, start + settings.pageSize);
    const page = await api.customers(
      { modifiedFrom: null, after: null, limit: batch.length, ids: batch },
      signal,
    );
    const { customers, rejected, deleted } = mapFeedItems(page.items, mapWebshopItem);
    yield { customers, rejected, deleted, cursor: null };
  }
}

/** The keyset of the page's last item that has one (modifiedAt text and id, as the webshop sent them). */
function lastKeyOf(items: readonly unknown[], host: string): KeysetCursor {
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index];
    if (isRecord(item) && typeof item.id === 'number' && typeof item.modifiedAt === 'string') {
      return { changedAt: item.modifiedAt, id: String(item.id) };
    }
  }
  throw new BugError(
    'WEBSHOP_UNEXPECTED_RESPONSE',
    `${host} sent a customer page whose items have no id or modifiedAt.`,
  );
}
