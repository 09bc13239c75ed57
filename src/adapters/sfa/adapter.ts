/**
 * The Comarch SFA adapter: B2B customers that sales representatives entered on their devices, as the SFA
 * server holds them after the devices synchronized. Pages through GET /api/v1/customers in (modifiedAt, id)
 * order with a keyset; modifiedAt is the server's receipt time, so a customer entered offline days ago is
 * picked up by the next Last transfer after its device synchronized. SFA deletes customers without a
 * trace: deletions are found by scanning the ids (GET /api/v1/customers/ids).
 * See docs/adapters/sfa.md and docs/protocols/sfa.md.
 */
import { BugError } from '../../domain/errors.ts';
import type { Adapter, ChannelConnection, CheckResult, CustomerPage, ReadRequest } from '../adapter.ts';
import { throwIfAborted } from '../http/abort.ts';
import { type KeysetCursor, keysetCursorCodec } from '../keyset-cursor.ts';
import { mapRecords } from '../map-results.ts';
import { isRecord } from '../record-values.ts';
import { mapSfaCustomer } from './map.ts';
import {
  DEFAULT_PAGE_SIZE,
  PROTOCOL_REQUESTS_PER_SECOND,
  readSfaSettings,
  SFA_SETTINGS,
  type SfaSettings,
} from './settings.ts';
import { createSfaApi, type SfaApi, type SfaHttpOptions } from './sfa-api.ts';

export interface SfaAdapterOptions {
  http?: SfaHttpOptions;
  /** Clock for token expiry (tests). */
  now?: () => number;
}

/** Ids are compared as the server does: ordinal, by UTF-16 code units. */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const sfaCursor = keysetCursorCodec('sfa', (text) => Date.parse(text), compareIds);

export function createSfaAdapter(options: SfaAdapterOptions = {}): Adapter {
  const connect = (connection: ChannelConnection): { api: SfaApi; settings: SfaSettings } => {
    const settings = readSfaSettings(connection.settings);
    return { api: createSfaApi(connection.url, settings, options.http, options.now), settings };
  };

  return {
    kind: 'sfa',
    label: 'Comarch SFA',
    capabilities: {
      changedSince: true,
      byEmail: false,
      deletions: 'id-scan',
      channelTypes: ['b2b'],
      guests: false,
      alwaysBlocked: false,
      pageSize: DEFAULT_PAGE_SIZE,
      requestsPerSecond: PROTOCOL_REQUESTS_PER_SECOND,
    },
    settings: SFA_SETTINGS,

    validateSettings(settings) {
      readSfaSettings(settings);
    },

    async check(connection, signal): Promise<CheckResult> {
      const { api, settings } = connect(connection);
      let count = 0;
      for await (const batch of listIds(api, settings.pageSize, signal)) count += batch.length;
      const noun = count === 1 ? 'customer' : 'customers';
      return {
        ok: true,
        message: `Connected to ${api.host} as API client "${settings.clientId}": ${count.toLocaleString('en-US')} synchronized ${noun}.`,
        customerCount: count,
      };
    },

    readCustomers(connection, request) {
      return readPages(connect(connection), request);
    },

    listIds(connection, signal) {
      const { api, settings } = connect(connection);
      return listIds(api, settings.pageSize, signal);
    },
  };
}

export const sfaAdapter: Adapter = createSfaAdapter();

async function* readPages(
  { api, settings }: { api: SfaApi; settings: SfaSettings },
  request: ReadRequest,
): AsyncGenerator<CustomerPage> {
  let cursor: KeysetCursor | null = request.cursor === null ? null : sfaCursor.decode(request.cursor);
  for (;;) {
    throwIfAborted(request.signal);
    const page = await api.customers(
      {
        modifiedSince: request.since?.toISOString() ?? null,
        after: cursor === null ? null : { modifiedAt: cursor.changedAt, id: cursor.id },
        limit: settings.pageSize,
      },
      request.signal,
    );
    if (page.data.length === 0) return;
    const { customers, rejected } = mapRecords(page.data, mapSfaCustomer);
    const next = lastKeyOf(page.data, api.host);
    sfaCursor.assertAdvanced(cursor, next, api.host);
    cursor = next;
    yield { customers, rejected, deleted: [], cursor: sfaCursor.encode(cursor) };
    if (!page.meta.hasMore) return;
  }
}

async function* listIds(
  api: SfaApi,
  limit: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<string[]> {
  let after: string | null = null;
  for (;;) {
    throwIfAborted(signal);
    const page = await api.customerIds(after, limit, signal);
    const ids = page.data.filter((id): id is string => typeof id === 'string' && id !== '');
    if (ids.length === 0) return;
    const last = ids.at(-1) as string;
    if (after !== null && compareIds(last, after) <= 0) {
      throw new BugError('SFA_PAGING_STUCK', `${api.host} does not honour afterId of the customer id list.`);
    }
    yield ids;
    after = last;
    if (!page.meta.hasMore) return;
  }
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
