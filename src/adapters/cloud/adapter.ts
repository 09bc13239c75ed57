/**
 * The Cloud adapter: customers from any JSON HTTP API whose shape the channel's settings describe (path,
 * auth, paging rule, changed-since parameter, item list, field mapping). The defaults are the Kontor cloud
 * shape (docs/protocols/cloud.md). The API must return customers in ascending order of change time (the
 * watermark relies on it); a read that goes back in time stops with CLOUD_NOT_SORTED. Without a
 * changed-since parameter every read fetches all customers and Kontor keeps those changed since the
 * instant. Deletions are found by an id scan: a full read of the ids. See docs/adapters/cloud.md.
 */
import type { ChannelCustomer, RejectedRecord } from '../../domain/channel-customer.ts';
import { ConfigError } from '../../domain/errors.ts';
import type { Adapter, CustomerPage, ReadRequest } from '../adapter.ts';
import { type ConnectedApi, defineAdapter, drivePages } from '../kit/index.ts';
import { withRaw } from '../map-results.ts';
import { type CloudApi, type CloudHttpOptions, createCloudApi } from './cloud-api.ts';
import { mapCloudItem } from './map.ts';
import {
  type CloudReading,
  decodePosition,
  END,
  encodePosition,
  firstPosition,
  movedOn,
  nextPosition,
  requestOf,
} from './paging.ts';
import { type CloudSettings, cloudSettings, DEFAULT_PAGE_SIZE } from './settings.ts';

export interface CloudAdapterOptions {
  http?: CloudHttpOptions;
}

type Connected = ConnectedApi<CloudApi, CloudSettings>;

export function createCloudAdapter(options: CloudAdapterOptions = {}): Adapter {
  return defineAdapter({
    kind: 'cloud',
    label: 'Cloud (configurable JSON API)',
    capabilities: {
      deletions: 'id-scan',
      channelTypes: ['b2c', 'b2b', 'b2b-b2c'],
      guests: true,
      pageSize: DEFAULT_PAGE_SIZE,
      requestsPerSecond: null,
    },
    settings: cloudSettings,
    connect: (url, settings): Connected => ({ api: createCloudApi(url, settings, options.http), settings }),

    async check({ api, settings }, signal) {
      const answer = await api.list(requestOf(settings, firstPosition(settings), null), signal);
      const mapped = answer.items.map((item) => mapCloudItem(item, settings.mapping));
      const usable = mapped.filter((result) => result.ok).length;
      const noun = answer.items.length === 1 ? 'customer' : 'customers';
      const problems = mapped.length - usable;
      return {
        ok: true,
        message:
          `Connected to ${api.host}: the first page has ${answer.items.length} ${noun}` +
          (problems === 0
            ? '.'
            : `; ${problems} of them cannot be read with the mapping (see the run log of an import).`),
        customerCount: null,
      };
    },

    readCustomers: readPages,

    async *listIds(connected, signal) {
      const paging = connected.settings.paging.kind;
      // Position paging shifts when a customer changes during the scan: a customer could be missed and its
      // link deactivated although the account exists. Only cursor and next-link paging are safe for a scan.
      if (paging === 'page' || paging === 'offset') {
        throw new ConfigError(
          'CLOUD_SCAN_NEEDS_CURSOR',
          `Deactivate deleted customer accounts needs cursor or next-link paging; this channel pages by ${paging}.`,
        );
      }
      for await (const page of readPages(connected, {
        since: null,
        emails: null,
        cursor: null,
        signal,
      })) {
        const ids = [...page.customers, ...page.rejected].flatMap((record) =>
          record.externalId === null ? [] : [record.externalId],
        );
        if (ids.length > 0) yield ids;
      }
    },
  });
}

export const cloudAdapter: Adapter = createCloudAdapter();

async function* readPages({ api, settings }: Connected, request: ReadRequest): AsyncGenerator<CustomerPage> {
  const since = request.since?.toISOString() ?? null;
  let newest: { at: string; id: string } | null = null;
  const pages = drivePages<CloudReading, unknown[]>({
    start: {
      at: request.cursor === null ? firstPosition(settings) : decodePosition(request.cursor, settings),
      first: null,
    },
    signal: request.signal,
    async fetch(after) {
      const at = after?.at ?? firstPosition(settings);
      if (at.kind === 'end') return null;
      const answer = await api.list(requestOf(settings, at, request.since), request.signal);
      if (answer.items.length === 0) return null;
      const next = nextPosition(settings, at, answer.items.length, answer.body);
      return {
        items: answer.items,
        next: { at: next ?? END, first: JSON.stringify(answer.items[0]) },
        last: next === null,
      };
    },
    advanced: movedOn,
    describe: (previous, next) => `position ${encodePosition(previous.at)} -> ${encodePosition(next.at)}`,
    stuckCode: 'CLOUD_PAGING_STUCK',
    stuckMessage: `${api.host} answered the next page with the same customers again. Check the paging settings.`,
  });
  for await (const { items, position } of pages) {
    const customers: ChannelCustomer[] = [];
    const rejected: RejectedRecord[] = [];
    for (const item of items) {
      const result = mapCloudItem(item, settings.mapping);
      const record = result.ok ? result.customer : result.rejected;
      const at = result.ok ? result.customer.updatedAt : result.rejected.updatedAt;
      if (at !== null) {
        if (newest && at < newest.at) throw notSorted(api.host, record.externalId, at, newest);
        newest = { at, id: record.externalId ?? '?' };
        // The API may not filter (or only by day): Kontor keeps what changed since the instant.
        if (since !== null && at < since) continue;
      }
      if (result.ok) customers.push(result.customer);
      else rejected.push(withRaw(result.rejected, item));
    }
    if (customers.length + rejected.length > 0)
      yield { customers, rejected, deleted: [], cursor: encodePosition(position.at) };
  }
}

function notSorted(
  host: string,
  id: string | null,
  at: string,
  newest: { at: string; id: string },
): ConfigError {
  return new ConfigError(
    'CLOUD_NOT_SORTED',
    `${host} does not return customers in ascending order of change time: customer ${id ?? '?'} (changed ${at}) came after customer ${newest.id} (changed ${newest.at}). ` +
      "Add the API's sort parameter to the setting extraQuery, e.g. sort=updated_at.",
  );
}
