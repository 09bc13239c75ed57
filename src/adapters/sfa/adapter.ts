/**
 * The Comarch SFA adapter: B2B customers that sales representatives entered on their devices, as the SFA
 * server holds them after the devices synchronized. Pages through GET /api/v1/customers in (modifiedAt, id)
 * order with a keyset; modifiedAt is the server's receipt time, so a customer entered offline days ago is
 * picked up by the next Last transfer after its device synchronized. SFA deletes customers without a
 * trace: deletions are found by scanning the ids (GET /api/v1/customers/ids).
 * See docs/adapters/sfa.md and docs/protocols/sfa.md.
 */
import { BugError } from '../../domain/errors.ts';
import type { Adapter, CustomerPage, ReadRequest } from '../adapter.ts';
import type { ConnectedApi } from '../kit/connected-api.ts';
import { defineAdapter } from '../kit/define-adapter.ts';
import { type KeysetCursor, keysetCursorCodec } from '../kit/keyset-cursor.ts';
import { compareOrdinal, drivePages } from '../kit/paging.ts';
import { mapRecords } from '../map-results.ts';
import { isRecord } from '../record-values.ts';
import { mapSfaCustomer } from './map.ts';
import { SFA_PAGING, type SfaSettings, sfaSettings } from './settings.ts';
import { createSfaApi, type SfaApi, type SfaHttpOptions } from './sfa-api.ts';

export interface SfaAdapterOptions {
  http?: SfaHttpOptions;
  /** Clock for token expiry (tests). */
  now?: () => number;
}

/** Ids are compared as the server does: ordinal, by UTF-16 code units. */
export const sfaCursor = keysetCursorCodec('sfa', {
  instantOf: (text) => Date.parse(text),
  compareIds: compareOrdinal,
});

type Connected = ConnectedApi<SfaApi, SfaSettings>;

export function createSfaAdapter(options: SfaAdapterOptions = {}): Adapter {
  return defineAdapter({
    kind: 'sfa',
    label: 'Comarch SFA',
    capabilities: {
      changedSince: true,
      byEmail: false,
      deletions: 'id-scan',
      channelTypes: ['b2b'],
      guests: false,
      alwaysBlocked: false,
      pageSize: SFA_PAGING.defaultPageSize,
      requestsPerSecond: SFA_PAGING.rateLimit,
    },
    settings: sfaSettings,
    connect: (url, settings): Connected => ({
      api: createSfaApi(url, settings, options.http, options.now),
      settings,
    }),

    async check(connected, signal) {
      const { api, settings } = connected;
      let count = 0;
      for await (const batch of listIds(connected, signal)) count += batch.length;
      const noun = count === 1 ? 'customer' : 'customers';
      return {
        ok: true,
        message: `Connected to ${api.host} as API client "${settings.clientId}": ${count.toLocaleString('en-US')} synchronized ${noun}.`,
        customerCount: count,
      };
    },

    readCustomers: readPages,
    listIds,
    readByIds,
  });
}

export const sfaAdapter: Adapter = createSfaAdapter();

async function* readPages({ api, settings }: Connected, request: ReadRequest): AsyncGenerator<CustomerPage> {
  const pages = drivePages({
    start: request.cursor === null ? null : sfaCursor.decode(request.cursor),
    signal: request.signal,
    async fetch(cursor) {
      const page = await api.customers(
        {
          modifiedSince: request.since?.toISOString() ?? null,
          after: cursor === null ? null : { modifiedAt: cursor.changedAt, id: cursor.id },
          limit: settings.pageSize,
        },
        request.signal,
      );
      if (page.data.length === 0) return null;
      return { items: page.data, next: lastKeyOf(page.data, api.host), last: !page.meta.hasMore };
    },
    advanced: sfaCursor.advanced,
    describe: sfaCursor.describe,
    stuckCode: 'SFA_PAGING_STUCK',
    stuckMessage: `${api.host} does not honour the paging parameters: the customer list did not move past the last customer read.`,
  });
  for await (const { items, position } of pages) {
    const { customers, rejected } = mapRecords(items, mapSfaCustomer);
    yield { customers, rejected, deleted: [], cursor: sfaCursor.encode(position) };
  }
}

/** The customers of these ids (open records read again): the list's `ids` parameter, a page of ids per request. */
async function* readByIds(
  { api, settings }: Connected,
  externalIds: readonly string[],
  signal: AbortSignal | undefined,
): AsyncGenerator<CustomerPage> {
  const ids = [...new Set(externalIds.filter((id) => id !== '' && !id.includes(',')))];
  for (let start = 0; start < ids.length; start += settings.pageSize) {
    signal?.throwIfAborted();
    const batch = ids.slice(start, start + settings.pageSize);
    const page = await api.customers(
      { modifiedSince: null, after: null, limit: batch.length, ids: batch },
      signal,
    );
    const { customers, rejected } = mapRecords(page.data, mapSfaCustomer);
    yield { customers, rejected, deleted: [], cursor: null };
  }
}

async function* listIds(
  { api, settings }: Connected,
  signal: AbortSignal | undefined,
): AsyncGenerator<string[]> {
  const pages = drivePages<string, string[]>({
    start: null,
    signal,
    async fetch(after) {
      const page = await api.customerIds(after, settings.pageSize, signal);
      const ids = page.data.filter((id): id is string => typeof id === 'string' && id !== '');
      if (ids.length === 0) return null;
      return { items: ids, next: ids.at(-1) as string, last: !page.meta.hasMore };
    },
    advanced: (previous, next) => compareOrdinal(next, previous) > 0,
    stuckCode: 'SFA_PAGING_STUCK',
    stuckMessage: `${api.host} does not honour afterId of the customer id list.`,
  });
  for await (const { items } of pages) yield items;
}

function lastKeyOf(items: readonly unknown[], host: string): KeysetCursor {
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index];
    if (isRecord(item) && typeof item.id === 'string' && typeof item.modifiedAt === 'string') {
      return { changedAt: item.modifiedAt, id: item.id };
    }
  }
  throw new BugError(
    'SFA_UNEXPECTED_RESPONSE',
    `${host} sent a customer page whose items have no id or modifiedAt.`,
  );
}
