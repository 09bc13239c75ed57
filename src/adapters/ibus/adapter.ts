/**
 * The IBUS adapter: customers that sales representatives entered in Comarch Mobile, read from the
 * Comarch ERP Integration BUS through Kontor's IBUS protocol v1 (docs/protocols/ibus.md). The feed is
 * keyset-paged by (changedAt, id) and carries tombstones of deleted customers, so Last transfer reads only
 * changes and deletions arrive with their dates. Customers entered on a device reach the bus only when the
 * device synchronizes; until then no import can see them (docs/adapters/ibus.md).
 */
import { BugError } from '../../domain/errors.ts';
import { maskedExcerpt } from '../../domain/masked-excerpt.ts';
import type { Adapter, ChannelConnection, CheckResult, CustomerPage, ReadRequest } from '../adapter.ts';
import { throwIfAborted } from '../http/abort.ts';
import { refuseUnsupportedEmails } from '../kit/by-email.ts';
import { mapFeedItems } from '../map-results.ts';
import { compareCursors, decodeCursor, encodeCursor, type IbusCursor } from './cursor.ts';
import { createIbusApi, type IbusApi, type IbusHttpOptions } from './ibus-api.ts';
import { mapIbusEntry } from './map.ts';
import {
  DEFAULT_PAGE_SIZE,
  IBUS_REQUESTS_PER_SECOND,
  IBUS_SETTINGS,
  type IbusSettings,
  readIbusSettings,
} from './settings.ts';

export interface IbusAdapterOptions {
  /** HTTP client options (timeouts, retry policy; tests pass fast retries). */
  http?: IbusHttpOptions;
}

export function createIbusAdapter(options: IbusAdapterOptions = {}): Adapter {
  const connect = (connection: ChannelConnection): { api: IbusApi; settings: IbusSettings } => {
    const settings = readIbusSettings(connection.settings);
    return { api: createIbusApi(connection.url, settings, options.http), settings };
  };

  return {
    kind: 'ibus',
    label: 'IBUS (Comarch Mobile)',
    capabilities: {
      changedSince: true,
      byEmail: false,
      deletions: 'tombstones',
      channelTypes: ['b2b'],
      guests: false,
      alwaysBlocked: false,
      pageSize: DEFAULT_PAGE_SIZE,
      requestsPerSecond: IBUS_REQUESTS_PER_SECOND,
    },
    settings: IBUS_SETTINGS,

    validateSettings(settings) {
      readIbusSettings(settings);
    },

    async check(connection, signal): Promise<CheckResult> {
      const { api } = connect(connection);
      const info = await api.info(signal);
      const noun = info.customers === 1 ? 'customer' : 'customers';
      return {
        ok: true,
        message:
          `Connected to ${api.host} (IBUS ${info.busVersion}): ${info.customers.toLocaleString('en-US')} synchronized ${noun}. ` +
          'Customers entered in Comarch Mobile appear after the device synchronizes.',
        customerCount: info.customers,
      };
    },

    async *readCustomers(connection, request) {
      refuseUnsupportedEmails('IBUS', { byEmail: false }, request);
      yield* readFeed(connect(connection), request);
    },
  };
}

export const ibusAdapter: Adapter = createIbusAdapter();

async function* readFeed(
  { api, settings }: { api: IbusApi; settings: IbusSettings },
  request: ReadRequest,
): AsyncGenerator<CustomerPage> {
  let cursor: IbusCursor | null = request.cursor === null ? null : decodeCursor(request.cursor);
  const changedSince = request.since?.toISOString() ?? null;
  for (;;) {
    throwIfAborted(request.signal);
    const page = await api.feed({ changedSince, after: cursor, limit: settings.pageSize }, request.signal);
    if (page.items.length === 0) return;
    const { customers, rejected, deleted } = mapFeedItems(page.items, mapIbusEntry);
    const next = cursorOf(page.items.at(-1), api.host);
    if (cursor && compareCursors(next, cursor) <= 0) {
      throw new BugError(
        'IBUS_PAGING_STUCK',
        `${api.host} does not honour afterChangedAt/afterId: the customer feed did not move past the last entry read.`,
        { detail: `cursor ${encodeCursor(cursor)}, last entry ${encodeCursor(next)}` },
      );
    }
    cursor = next;
    yield { customers, rejected, deleted, cursor: encodeCursor(cursor) };
    if (!page.hasMore) return;
  }
}

/** The keyset of the page's last entry, exactly as the bus sent it (the bus compares its own text). */
function cursorOf(item: unknown, host: string): IbusCursor {
  const entry = item as { id?: unknown; changedAt?: unknown } | undefined;
  if (
    typeof entry?.id !== 'string' ||
    typeof entry.changedAt !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(entry.changedAt)
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
