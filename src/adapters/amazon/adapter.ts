/**
 * The Amazon adapter: buyers from the orders of the Selling Partner API (Orders API v0). A read covers the
 * orders last updated in a window: from the requested change time (Anytime: 2016, Amazon keeps two years) to
 * the end Amazon answers for the first request (it holds back the last two minutes). It reads the whole
 * window first (getOrders pages of 100, with a restricted data token so that buyers and shipping addresses
 * are included), collapses the orders into one record per buyer, sorts the buyers by change time and key,
 * and then hands them out in pages. The cursor names the window and the last buyer handed out: a resumed
 * read reads the same window again and continues after that buyer. See docs/adapters/amazon.md.
 */
import { ConfigError } from '../../domain/errors.ts';
import type { Adapter, CheckResult, CustomerPage, ReadRequest } from '../adapter.ts';
import { throwIfAborted } from '../http/abort.ts';
import type { ConnectedApi } from '../kit/connected-api.ts';
import { defineAdapter } from '../kit/define-adapter.ts';
import { drivePages } from '../kit/paging.ts';
import { type AmazonCursor, decodeCursor, encodeCursor } from './cursor.ts';
import { amazonDate } from './dates.ts';
import { BuyerCollector, type BuyerRecord, comparePositions, instant, positionOf } from './map.ts';
import { marketplaceById } from './marketplaces.ts';
import { type AmazonSettings, amazonSettings, DEFAULT_PAGE_SIZE } from './settings.ts';
import {
  type AmazonHttpOptions,
  createSpApi,
  type Operation,
  type SpApi,
  USAGE_PLANS,
  type UsagePlan,
} from './sp-api.ts';
import type { SpOrder } from './sp-api-types.ts';

export interface AmazonAdapterOptions {
  /** HTTP client options (timeouts, retry policy; tests pass fast retries). */
  http?: AmazonHttpOptions;
  /** Usage plans other than Amazon's defaults (tests; sellers with raised limits). */
  usagePlans?: Partial<Record<Operation, UsagePlan>>;
}

/** Where Anytime starts: the Orders API keeps two years of orders (JP, AU, SG: since 2016). */
export const EARLIEST_ORDERS = '2016-01-01T00:00:00Z';
/** Amazon's getOrders needs LastUpdatedBefore at least two minutes in the past. */
const PROCESSING_DELAY_MS = 120_000;

type Connected = ConnectedApi<SpApi, AmazonSettings>;

export function createAmazonAdapter(options: AmazonAdapterOptions = {}): Adapter {
  return defineAdapter({
    kind: 'amazon',
    label: 'Amazon (Selling Partner API)',
    // Changed since, no By email: the kit's defaults.
    capabilities: {
      deletions: 'none',
      channelTypes: ['b2c', 'b2b-b2c'],
      guests: true,
      pageSize: DEFAULT_PAGE_SIZE,
      requestsPerSecond: (options.usagePlans?.getOrders ?? USAGE_PLANS.getOrders).rate,
    },
    settings: amazonSettings,
    connect: (url, settings): Connected => ({ api: createSpApi(url, settings, options), settings }),

    async check({ api, settings }, signal): Promise<CheckResult> {
      const participations = await api.marketplaceParticipations(signal);
      const selling = new Map(
        participations
          .filter((item) => item.participation?.isParticipating)
          .map((item) => [item.marketplace.id, item.marketplace.name]),
      );
      const missing = settings.marketplaceIds.filter((id) => !selling.has(id));
      if (missing.length > 0) {
        const names = [...selling].map(([id, name]) => `${name} (${id})`).join(', ') || 'none';
        throw new ConfigError(
          'AMAZON_MARKETPLACE_NOT_SOLD_IN',
          `The seller does not sell in ${missing.map(label).join(', ')} at ${api.host}; the seller's marketplaces there: ${names}.`,
        );
      }
      await api.authorizeBuyerData(signal);
      const names = settings.marketplaceIds.map((id) => selling.get(id) ?? id).join(', ');
      return {
        ok: true,
        message: `Connected to ${api.host}: selling in ${names}; buyers and shipping addresses may be read.`,
        customerCount: null,
      };
    },

    readCustomers: readPages,
  });
}

export const amazonAdapter: Adapter = createAmazonAdapter();

/** Reads the window, then hands out its buyers after the cursor's buyer, a page at a time. */
async function* readPages({ api, settings }: Connected, request: ReadRequest): AsyncGenerator<CustomerPage> {
  const resume = request.cursor === null ? null : decodeCursor(request.cursor);
  const from = resume?.from ?? (request.since ? amazonDate(request.since) : EARLIEST_ORDERS);
  const { records, to } = await readWindow(api, settings, from, resume?.to ?? null, request.signal);
  const pending = resume
    ? records.filter((record) => comparePositions(positionOf(record), resume.after) > 0)
    : records;

  for (let start = 0; start < pending.length; start += settings.pageSize) {
    throwIfAborted(request.signal);
    const slice = pending.slice(start, start + settings.pageSize);
    const last = slice.at(-1) as BuyerRecord;
    const cursor: AmazonCursor = { from, to, after: positionOf(last) };
    yield {
      customers: slice.flatMap((record) => (record.ok ? [record.customer] : [])),
      rejected: slice.flatMap((record) => (record.ok ? [] : [record.rejected])),
      deleted: [],
      cursor: encodeCursor(cursor),
    };
  }
}

/** Reads every order of the window and returns its buyers in (change time, key) order, and the window's end. */
async function readWindow(
  api: SpApi,
  settings: AmazonSettings,
  from: string,
  to: string | null,
  signal: AbortSignal | undefined,
): Promise<{ records: BuyerRecord[]; to: string }> {
  const collector = new BuyerCollector();
  let end = to;
  const tokens = new Set<string>();
  const pages = drivePages<string | null, SpOrder[]>({
    start: null,
    signal,
    async fetch(nextToken) {
      if (nextToken === null) {
        const first = await api.getOrders(
          {
            marketplaceIds: settings.marketplaceIds,
            lastUpdatedAfter: from,
            lastUpdatedBefore: to ?? undefined,
          },
          signal,
        );
        // The end Amazon chose (or confirmed); without a readable one, the latest end Amazon would accept.
        const answered = instant(first.LastUpdatedBefore);
        end = to ?? amazonDate(new Date(answered ?? Date.now() - PROCESSING_DELAY_MS));
        return { items: first.Orders, next: first.NextToken || null, last: !first.NextToken };
      }
      const page = await api.getOrdersPage(settings.marketplaceIds, nextToken, signal);
      return { items: page.Orders, next: page.NextToken || null, last: !page.NextToken };
    },
    // Amazon's tokens are opaque: a page has moved on when its token is none of those read before.
    advanced(previous, next) {
      if (previous !== null) tokens.add(previous);
      return next === null || !tokens.has(next);
    },
    stuckCode: 'AMAZON_PAGING_STUCK',
    stuckMessage: `${api.host} answered the same NextToken twice while listing orders.`,
  });
  for await (const { items } of pages) for (const order of items) collector.add(order);
  // The first page always runs (or throws), so the end is known here.
  return { records: collector.records(), to: end as string };
}

function label(id: string): string {
  const marketplace = marketplaceById(id);
  return marketplace ? `${marketplace.name} (${id})` : id;
}
