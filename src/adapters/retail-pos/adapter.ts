/**
 * The Comarch Retail POS adapter: the customers that stores registered (with loyalty cards), read from the
 * head office through the Kontor Retail POS protocol (docs/protocols/retail-pos.md): one stream of
 * customers and tombstones (deleted or anonymized customers) ordered by change time, keyset-paged, behind
 * an API key or basic auth and a rate limit the adapter stays below. Store customers are consumers, and
 * companies that want invoices: channels are B2C or B2B & B2C. See docs/adapters/retail-pos.md.
 */
import { BugError } from '../../domain/errors.ts';
import type { Adapter, CheckResult, CustomerPage, DeletedCustomer, ReadRequest } from '../adapter.ts';
import { isoInstant } from '../date-times.ts';
import { throwIfAborted } from '../http/abort.ts';
import { keysetCursorCodec } from '../keyset-cursor.ts';
import { mapRecords } from '../map-results.ts';
import { text } from '../record-values.ts';
import { mapPosCustomer } from './map.ts';
import { createPosApi, type PosApi, type PosHttpOptions } from './pos-api.ts';
import type { PosDeletedCustomer, PosPosition } from './pos-types.ts';
import {
  DEFAULT_PAGE_SIZE,
  HEAD_OFFICE_RATE_LIMIT,
  type PosSettings,
  RETAIL_POS_SETTINGS,
  readPosSettings,
} from './settings.ts';

/** Resume point: "retail-pos:v1|<modifiedAt as the head office wrote it>|<customerId>". */
export const retailPosCursor = keysetCursorCodec(
  'retail-pos',
  (text) => Date.parse(text),
  (a, b) => (a < b ? -1 : a > b ? 1 : 0),
);

export interface RetailPosAdapterOptions {
  /** HTTP client options (timeouts, retry policy; tests pass fast retries). */
  http?: PosHttpOptions;
}

export function createRetailPosAdapter(options: RetailPosAdapterOptions = {}): Adapter {
  // One client (and so one throttle) per channel configuration: back-to-back runs of a channel share the
  // head office's rate limit instead of each starting with a fresh allowance.
  const clients = new Map<string, { api: PosApi; settings: PosSettings }>();
  const connect = ({ url, settings }: { url: string; settings: Readonly<Record<string, string>> }) => {
    const key = JSON.stringify([url, settings]);
    let client = clients.get(key);
    if (!client) {
      const posSettings = readPosSettings(settings);
      client = { api: createPosApi(url, posSettings, options.http), settings: posSettings };
      clients.set(key, client);
    }
    return client;
  };

  return {
    kind: 'retail-pos',
    label: 'Comarch Retail POS',
    capabilities: {
      changedSince: true,
      byEmail: false,
      deletions: 'tombstones',
      channelTypes: ['b2c', 'b2b-b2c'],
      guests: false,
      alwaysBlocked: false,
      pageSize: DEFAULT_PAGE_SIZE,
      requestsPerSecond: HEAD_OFFICE_RATE_LIMIT,
    },
    settings: RETAIL_POS_SETTINGS,

    validateSettings(settings) {
      readPosSettings(settings);
    },

    async check(connection, signal): Promise<CheckResult> {
      const { api } = connect(connection);
      const info = await api.info(signal);
      const noun = info.customers === 1 ? 'customer' : 'customers';
      return {
        ok: true,
        message:
          `Connected to ${api.host} (head office ${info.headOffice.name}, ${info.stores} stores): ` +
          `${info.customers.toLocaleString('en-US')} ${noun}.`,
        customerCount: info.customers,
      };
    },

    readCustomers(connection, request) {
      return readPages(connect(connection), request);
    },
  };
}

export const retailPosAdapter: Adapter = createRetailPosAdapter();

async function* readPages(
  { api, settings }: { api: PosApi; settings: PosSettings },
  request: ReadRequest,
): AsyncGenerator<CustomerPage> {
  if (request.emails !== null)
    throw new BugError('NOT_SUPPORTED', 'Retail POS cannot select customers by e-mail.');
  const start = request.cursor === null ? null : retailPosCursor.decode(request.cursor);
  let after: PosPosition | undefined = start
    ? { modifiedAt: start.changedAt, customerId: start.id }
    : undefined;
  for (;;) {
    throwIfAborted(request.signal);
    const page = await api.customers(
      { limit: settings.pageSize, modifiedSince: request.since?.toISOString(), after },
      request.signal,
    );
    const entries = page.customers.length + page.deletedCustomers.length;
    if (entries === 0) return;
    const { customers, rejected } = mapRecords(page.customers, mapPosCustomer);
    const deleted = page.deletedCustomers.flatMap(tombstone);
    if (page.next === null)
      throw new BugError(
        'RETAIL_POS_UNEXPECTED_RESPONSE',
        `${api.host} sent a page without a next position.`,
      );
    const next = { changedAt: page.next.modifiedAt, id: page.next.customerId };
    retailPosCursor.assertAdvanced(
      after ? { changedAt: after.modifiedAt, id: after.customerId } : null,
      next,
      api.host,
    );
    after = page.next;
    yield { customers, rejected, deleted, cursor: retailPosCursor.encode(next) };
    if (entries < settings.pageSize) return;
  }
}

/** A tombstone as the contract has it; tombstones without id or readable time are left out. */
function tombstone(raw: unknown): DeletedCustomer[] {
  const row = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<PosDeletedCustomer>;
  const externalId = text(row.customerId);
  const deletedAt = isoInstant(row.deletedAt);
  return externalId === null || deletedAt === null ? [] : [{ externalId, deletedAt }];
}
