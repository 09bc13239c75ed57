/**
 * The IBUS adapter: customers that sales representatives entered in Comarch Mobile, read from the
 * Comarch ERP Integration BUS through Kontor's IBUS protocol v1 (docs/protocols/ibus.md). The feed is
 * keyset-paged by (changedAt, id) and carries tombstones of deleted customers, so Last transfer reads only
 * changes and deletions arrive with their dates. Customers entered on a device reach the bus only when the
 * device synchronizes; until then no import can see them (docs/adapters/ibus.md).
 */
import { BugError } from '../../domain/errors.ts';
import { maskedExcerpt } from '../../domain/masked-excerpt.ts';
import type { Adapter, CustomerPage, ReadRequest } from '../adapter.ts';
import { type ConnectedApi, countText, defineAdapter, drivePages } from '../kit/index.ts';
import { mapFeedItems } from '../map-results.ts';
import { IBUS_CHANGED_AT, type IbusCursor, ibusCursor } from './cursor.ts';
import { createIbusApi, type IbusApi, type IbusHttpOptions } from './ibus-api.ts';
import { mapIbusEntry } from './map.ts';
import { DEFAULT_PAGE_SIZE, IBUS_REQUESTS_PER_SECOND, type IbusSettings, ibusSettings } from './settings.ts';

export interface IbusAdapterOptions {
  /** HTTP client options (timeouts, retry policy; tests pass fast retries). */
  http?: IbusHttpOptions;
}

type Connected = ConnectedApi<IbusApi, IbusSettings>;

export function createIbusAdapter(options: IbusAdapterOptions = {}): Adapter {
  return defineAdapter({
    kind: 'ibus',
    label: 'IBUS (Comarch Mobile)',
    capabilities: {
      deletions: 'tombstones',
      channelTypes: ['b2b'],
      pageSize: DEFAULT_PAGE_SIZE,
      requestsPerSecond: IBUS_REQUESTS_PER_SECOND,
      guests: false,
    },
    settings: ibusSettings,
    connect: (url, settings): Connected => ({ api: createIbusApi(url, settings, options.http), settings }),

    async check({ api }, signal) {
      const info = await api.info(signal);
      return {
        ok: true,
        message:
          `Connected to ${api.host} (IBUS ${info.busVersion}): ${countText(info.customers, 'synchronized customer')}. ` +
          'Customers entered in Comarch Mobile appear after the device synchronizes.',
        customerCount: info.customers,
      };
    },

    readCustomers: readFeed,
    readByIds,
  });
}

export const ibusAdapter: Adapter = createIbusAdapter();

async function* readFeed({ api, settings }: Connected, request: ReadRequest): AsyncGenerator<CustomerPage> {
  const changedSince = request.since?.toISOString() ?? null;
  const pages = drivePages({
    start: request.cursor === null ? null : ibusCursor.decode(request.cursor),
    signal: request.signal,
    async fetch(after) {
      const page = await api.feed({ changedSince, after, limit: settings.pageSize }, request.signal);
      if (page.items.length === 0) return null;
      return { items: page.items, next: cursorOf(page.items.at(-1), api.host), last: !page.hasMore };
    },
    advanced: ibusCursor.advanced,
    describe: ibusCursor.describe,
    stuckCode: 'IBUS_PAGING_STUCK',
    stuckMessage: `${api.host} does not honour afterChangedAt/afterId: the customer feed did not move past the last entry read.`,
  });
  for await (const { items, position } of pages) {
    const { customers, rejected, deleted } = mapFeedItems(items, mapIbusEntry);
    yield { customers, rejected, deleted, cursor: ibusCursor.encode(position) };
  }
}

/** The feed entries of these ids (open records read again): the feed's `ids` parameter, a page of ids per request. */
async function* readByIds(
  { api, settings }: Connected,
  externalIds: readonly string[],
  signal: AbortSignal | undefined,
): AsyncGenerator<CustomerPage> {
  const ids = [...new Set(externalIds.filter((id) => id !== '' && !id.includes(',')))];
  for (let start = 0; start < ids.length; start += settings.pageSize) {
    signal?.throwIfAborted();
    const batch = ids.slice(start, start + settings.pageSize);
    const page = await api.feed({ changedSince: null, after: null, limit: batch.length, ids: batch }, signal);
    const { customers, rejected, deleted } = mapFeedItems(page.items, mapIbusEntry);
    yield { customers, rejected, deleted, cursor: null };
  }
}

/** The keyset of the page's last entry, exactly as the bus sent it (the bus compares its own text). */
function cursorOf(item: unknown, host: string): IbusCursor {
  const entry = item as { id?: unknown; changedAt?: unknown } | undefined;
  if (
    typeof entry?.id !== 'string' ||
    typeof entry.changedAt !== 'string' ||
    !IBUS_CHANGED_AT.test(entry.changedAt)
  ) {
    throw new BugError(
      'IBUS_UNEXPECTED_RESPONSE',
      `${host} sent a feed entry without id or changedAt; the feed cannot go on after it.`,
      {
        detail: maskedExcerpt(item, []),
      },
    );
  }
  return { changedAt: entry.changedAt, id: entry.id };
}
