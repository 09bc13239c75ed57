/**
 * The Comarch ERP Webshop adapter (protocol 17, business customers only). Every read starts with the
 * protocol handshake, then pages through GET /api/erp/customers in (modifiedAt, id) order with a keyset, so
 * customers changed during the read move behind the cursor instead of being skipped. The list holds
 * tombstones of deleted accounts in the same order. See docs/adapters/webshop.md and docs/protocols/webshop.md.
 */
import { BugError } from '../../domain/errors.ts';
import type { Adapter, ChannelConnection, CheckResult, CustomerPage, ReadRequest } from '../adapter.ts';
import { throwIfAborted } from '../http/abort.ts';
import { type KeysetCursor, keysetCursorCodec } from '../keyset-cursor.ts';
import { mapFeedItems } from '../map-results.ts';
import { isRecord } from '../record-values.ts';
import { mapWebshopItem } from './map.ts';
import {
  DEFAULT_PAGE_SIZE,
  PROTOCOL_REQUESTS_PER_SECOND,
  readWebshopSettings,
  WEBSHOP_SETTINGS,
  type WebshopSettings,
} from './settings.ts';
import { createWebshopApi, type WebshopApi, type WebshopHttpOptions } from './webshop-api.ts';
import { webshopTimeOrder } from './webshop-dates.ts';

export interface WebshopAdapterOptions {
  /** HTTP client options (timeouts, retry policy; tests pass fast retries). */
  http?: WebshopHttpOptions;
  /** Clock for request timestamps (tests of the clock-skew check). */
  now?: () => number;
}

export const webshopCursor = keysetCursorCodec('webshop', webshopTimeOrder, (a, b) => Number(a) - Number(b));

export function createWebshopAdapter(options: WebshopAdapterOptions = {}): Adapter {
  const connect = (connection: ChannelConnection): { api: WebshopApi; settings: WebshopSettings } => {
    const settings = readWebshopSettings(connection.settings);
    return { api: createWebshopApi(connection.url, settings, options.http, options.now), settings };
  };

  return {
    kind: 'webshop',
    label: 'Comarch ERP Webshop',
    capabilities: {
      changedSince: true,
      byEmail: false,
      deletions: 'tombstones',
      channelTypes: ['b2b'],
      guests: false,
      alwaysBlocked: false,
      pageSize: DEFAULT_PAGE_SIZE,
      requestsPerSecond: PROTOCOL_REQUESTS_PER_SECOND,
    },
    settings: WEBSHOP_SETTINGS,

    validateSettings(settings) {
      readWebshopSettings(settings);
    },

    async check(connection, signal): Promise<CheckResult> {
      const { api, settings } = connect(connection);
      const info = await api.handshake(signal);
      // A signed request proves the shop name and key; one customer is enough.
      await api.customers({ modifiedFrom: null, after: null, limit: 1 }, signal);
      return {
        ok: true,
        message: `Connected to ${api.host} (${info.product} ${info.version}, protocol 17) as shop "${settings.shopName}".`,
        customerCount: null,
      };
    },

    readCustomers(connection, request) {
      return readPages(connect(connection), request);
    },
  };
}

export const webshopAdapter: Adapter = createWebshopAdapter();

async function* readPages(
  { api, settings }: { api: WebshopApi; settings: WebshopSettings },
  request: ReadRequest,
): AsyncGenerator<CustomerPage> {
  let cursor: KeysetCursor | null = request.cursor === null ? null : webshopCursor.decode(request.cursor);
  await api.handshake(request.signal);
  for (;;) {
    throwIfAborted(request.signal);
    const page = await api.customers(
      {
        modifiedFrom: request.since?.toISOString() ?? null,
        after: cursor === null ? null : { modifiedAt: cursor.changedAt, id: cursor.id },
        limit: settings.pageSize,
      },
      request.signal,
    );
    if (page.items.length === 0) return;
    const { customers, rejected, deleted } = mapFeedItems(page.items, mapWebshopItem);
    const next = lastKeyOf(page.items, api.host);
    webshopCursor.assertAdvanced(cursor, next, api.host);
    cursor = next;
    yield { customers, rejected, deleted, cursor: webshopCursor.encode(cursor) };
    if (!page.hasMore) return;
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
