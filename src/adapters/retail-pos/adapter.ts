/**
 * The Comarch Retail POS adapter: the customers that stores registered (with loyalty cards), read from the
 * head office through the Kontor Retail POS protocol (docs/protocols/retail-pos.md): one stream of
 * customers and tombstones (deleted or anonymized customers) ordered by change time, keyset-paged, behind
 * an API key or basic auth and a rate limit the adapter stays below. Store customers are consumers, and
 * companies that want invoices: channels are B2C or B2B & B2C. See docs/adapters/retail-pos.md.
 */
import { BugError } from '../../domain/errors.ts';
import type { Adapter, CustomerPage, DeletedCustomer, ReadRequest } from '../adapter.ts';
import { isoInstant } from '../date-times.ts';
import type { ConnectedApi } from '../kit/connected-api.ts';
import { countText } from '../kit/count-text.ts';
import { defineAdapter } from '../kit/define-adapter.ts';
import { keysetCursorCodec } from '../kit/keyset-cursor.ts';
import { compareOrdinal, drivePages } from '../kit/paging.ts';
import { mapRecords } from '../map-results.ts';
import { text } from '../record-values.ts';
import { mapPosCustomer } from './map.ts';
import { createPosApi, type PosApi, type PosHttpOptions } from './pos-api.ts';
import type { PosDeletedCustomer } from './pos-types.ts';
import {
  DEFAULT_PAGE_SIZE,
  HEAD_OFFICE_RATE_LIMIT,
  type PosSettings,
  retailPosSettings,
} from './settings.ts';

/** Resume point: "retail-pos:v1|<modifiedAt as the head office wrote it>|<customerId>". */
export const retailPosCursor = keysetCursorCodec('retail-pos', {
  instantOf: (text) => Date.parse(text),
  compareIds: compareOrdinal,
});

export interface RetailPosAdapterOptions {
  /** HTTP client options (timeouts, retry policy; tests pass fast retries). */
  http?: PosHttpOptions;
}

/** Channel configurations whose clients are kept. */
const CLIENT_CACHE_SIZE = 64;

type Connected = ConnectedApi<PosApi, PosSettings>;

export function createRetailPosAdapter(options: RetailPosAdapterOptions = {}): Adapter {
  return defineAdapter({
    kind: 'retail-pos',
    label: 'Comarch Retail POS',
    capabilities: {
      deletions: 'tombstones',
      channelTypes: ['b2c', 'b2b-b2c'],
      guests: false,
      pageSize: DEFAULT_PAGE_SIZE,
      requestsPerSecond: HEAD_OFFICE_RATE_LIMIT,
    },
    settings: retailPosSettings,
    // One client (and so one throttle) per channel configuration: back-to-back runs of a channel share the
    // head office's rate limit instead of each starting with a fresh allowance.
    cacheSize: CLIENT_CACHE_SIZE,
    connect: (url, settings): Connected => ({ api: createPosApi(url, settings, options.http), settings }),

    async check({ api }, signal) {
      const info = await api.info(signal);
      return {
        ok: true,
        message:
          `Connected to ${api.host} (head office ${info.headOffice.name}, ${info.stores} stores): ` +
          `${countText(info.customers, 'customer')}.`,
        customerCount: info.customers,
      };
    },

    readCustomers: readPages,
    readByIds,
  });
}

export const retailPosAdapter: Adapter = createRetailPosAdapter();

async function* readPages({ api, settings }: Connected, request: ReadRequest): AsyncGenerator<CustomerPage> {
  const pages = drivePages({
    start: request.cursor === null ? null : retailPosCursor.decode(request.cursor),
    signal: request.signal,
    async fetch(after) {
      const page = await api.customers(
        {
          limit: settings.pageSize,
          modifiedSince: request.since?.toISOString(),
          after: after ? { modifiedAt: after.changedAt, customerId: after.id } : undefined,
        },
        request.signal,
      );
      const entries = page.customers.length + page.deletedCustomers.length;
      if (entries === 0) return null;
      if (page.next === null)
        throw new BugError(
          'RETAIL_POS_UNEXPECTED_RESPONSE',
          `${api.host} sent a page without a next position.`,
        );
      return {
        items: page,
        next: { changedAt: page.next.modifiedAt, id: page.next.customerId },
        last: entries < settings.pageSize,
      };
    },
    advanced: retailPosCursor.advanced,
    describe: retailPosCursor.describe,
    stuckCode: 'RETAIL_POS_PAGING_STUCK',
    stuckMessage: `${api.host} does not honour the paging parameters: the customer list did not move past the last customer read.`,
  });
  for await (const { items: page, position } of pages) {
    const { customers, rejected } = mapRecords(page.customers, mapPosCustomer);
    const deleted = page.deletedCustomers.flatMap(tombstone);
    yield { customers, rejected, deleted, cursor: retailPosCursor.encode(position) };
  }
}

/** The entries of these ids (open records read again): the list's `ids` parameter, a page of ids per request. */
async function* readByIds(
  { api, settings }: Connected,
  externalIds: readonly string[],
  signal: AbortSignal | undefined,
): AsyncGenerator<CustomerPage> {
  const ids = [...new Set(externalIds.filter((id) => id !== '' && !id.includes(',')))];
  for (let start = 0; start < ids.length; start += settings.pageSize) {
    signal?.throwIfAborted();
    const batch = ids.slice(start, start + settings.pageSize);
    const page = await api.customers({ limit: batch.length, ids: batch }, signal);
    const { customers, rejected } = mapRecords(page.customers, mapPosCustomer);
    yield { customers, rejected, deleted: page.deletedCustomers.flatMap(tombstone), cursor: null };
  }
}

/** A tombstone as the contract has it; tombstones without id or readable time are left out. */
function tombstone(raw: unknown): DeletedCustomer[] {
  const row = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<PosDeletedCustomer>;
  const externalId = text(row.customerId);
  const deletedAt = isoInstant(row.deletedAt);
  return externalId === null || deletedAt === null ? [] : [{ externalId, deletedAt }];
}
