/**
 * getOrders (GET /orders/v0/orders) as Amazon answers it, for the simulator:
 * - MarketplaceIds is required (comma-separated, at most 50, marketplaces the seller sells in);
 * - exactly one of CreatedAfter and LastUpdatedAfter; CreatedAfter/Before and LastUpdatedAfter/Before do not
 *   mix; dates are ISO 8601 date-times; a Before must not be earlier than its After and must be at least
 *   two minutes (the processing delay) in the past; an After in the future is refused;
 * - without a Before, the window ends at now minus the processing delay, and the answer says where
 *   (payload.LastUpdatedBefore or CreatedBefore);
 * - MaxResultsPerPage 1-100 (default 100); OrderStatuses filters;
 * - orders older than two years are not returned (JP, AU, SG: since 2016);
 * - NextToken replaces every criterion (MarketplaceIds stays required); an unknown one is a 400 whose
 *   message is null, as Amazon has been seen to answer. Pages follow (PurchaseDate, AmazonOrderId), and a
 *   NextToken continues after the last order of its page, so orders that leave the window meanwhile do
 *   not make others skipped (Amazon documents neither the order nor how its tokens page);
 * - what an order shows depends on the token: buyer data (BuyerInfo) and the full shipping address only
 *   with a restricted data token for them, and only for Unshipped, PartiallyShipped, Shipped and
 *   InvoiceUnconfirmed orders; otherwise BuyerInfo is {} and ShippingAddress keeps city, region, postal
 *   code and country. The phone is not given for shipped seller-fulfilled orders past their latest
 *   delivery date (and never for orders fulfilled by Amazon).
 */
import { randomBytes } from 'node:crypto';
import { amazonDate } from '../../adapters/amazon/dates.ts';
import { marketplaceById } from '../../adapters/amazon/marketplaces.ts';
import type { DataElement, OrderStatus, SpAddress, SpOrder } from '../../adapters/amazon/sp-api-types.ts';
import type { AmazonOrderStore } from './simulator-store.ts';

export class OrdersApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly errorMessage: string | null,
    readonly details = '',
  ) {
    super(errorMessage ?? code);
  }

  body(): unknown {
    return this.errorMessage === null
      ? { errors: [{ message: null, code: this.code }] }
      : { errors: [{ code: this.code, message: this.errorMessage, details: this.details }] };
  }
}

const INVALID = 'The input you have submitted is not valid. Please check your input and try again.';
const invalid = (details = '') => new OrdersApiError(400, 'InvalidInput', INVALID, details);

const PII_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'Unshipped',
  'PartiallyShipped',
  'Shipped',
  'InvoiceUnconfirmed',
]);
const LONG_HISTORY = new Set(['A1VC38T7YXB528', 'A39IBJ37TRP1C6', 'A19VAU5U5O7RUS']);
const TWO_YEARS = 730 * 86_400_000;
const SINCE_2016 = Date.parse('2016-01-01T00:00:00Z');
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

interface Criteria {
  marketplaces: Set<string>;
  field: 'PurchaseDate' | 'LastUpdateDate';
  after: number;
  before: number;
  statuses: Set<string> | null;
  pageSize: number;
}

interface Continuation {
  criteria: Criteria;
  /** (PurchaseDate, AmazonOrderId) of the last order handed out. */
  last: [string, string];
}

export interface OrdersApiOptions {
  store: AmazonOrderStore;
  /** Marketplaces the seller sells in. */
  marketplaces: ReadonlySet<string>;
  /** How far behind now getOrders' window must end (Amazon: two minutes). */
  processingDelayMs: number;
}

export class SimulatedOrdersApi {
  private readonly continuations = new Map<string, Continuation>();

  constructor(private readonly options: OrdersApiOptions) {}

  /** The getOrders payload for the query, showing what `grants` allow. */
  getOrders(query: URLSearchParams, grants: ReadonlySet<DataElement>): unknown {
    const marketplaceIds = query.get('MarketplaceIds');
    if (!marketplaceIds) throw invalid();
    const nextToken = query.get('NextToken');
    let criteria: Criteria;
    let last: [string, string] | null = null;
    if (nextToken !== null) {
      const continuation = this.continuations.get(nextToken);
      if (!continuation) throw new OrdersApiError(400, 'InvalidInput', null);
      criteria = continuation.criteria;
      last = continuation.last;
    } else {
      criteria = this.criteria(query, marketplaceIds);
    }
    const now = this.options.store.now().getTime();
    // From just after the last order of the previous page (binary search), as many matches as a page and
    // one more (to tell whether a NextToken is due).
    const { orders, start } = this.options.store.byPurchaseAfter(
      last === null ? null : { PurchaseDate: last[0], AmazonOrderId: last[1] },
    );
    const matching: SpOrder[] = [];
    for (let i = start; i < orders.length && matching.length <= criteria.pageSize; i++) {
      const order = orders[i] as SpOrder;
      if (matches(order, criteria, now)) matching.push(order);
    }
    const page = matching.slice(0, criteria.pageSize);
    const payload: Record<string, unknown> = { Orders: page.map((order) => render(order, grants, now)) };
    if (matching.length > page.length) {
      const lastOrder = page.at(-1) as SpOrder;
      // 97 bytes: always "="-padded, like real NextTokens (which need URL encoding).
      const token = randomBytes(97).toString('base64');
      this.continuations.set(token, { criteria, last: [lastOrder.PurchaseDate, lastOrder.AmazonOrderId] });
      payload.NextToken = token;
    }
    payload[criteria.field === 'LastUpdateDate' ? 'LastUpdatedBefore' : 'CreatedBefore'] = amazonDate(
      new Date(criteria.before),
    );
    return { payload };
  }

  private criteria(query: URLSearchParams, marketplaceIds: string): Criteria {
    const marketplaces = new Set(marketplaceIds.split(',').map((id) => id.trim()));
    if (marketplaces.size > 50) throw invalid();
    for (const id of marketplaces) if (!this.options.marketplaces.has(id)) throw invalid();
    const created = ['CreatedAfter', 'CreatedBefore'].filter((name) => query.has(name));
    const updated = ['LastUpdatedAfter', 'LastUpdatedBefore'].filter((name) => query.has(name));
    const byCreation = query.has('CreatedAfter');
    if (byCreation === query.has('LastUpdatedAfter')) throw invalid();
    if ((byCreation && updated.length > 0) || (!byCreation && created.length > 0)) throw invalid();
    const [afterName, beforeName] = byCreation
      ? ['CreatedAfter', 'CreatedBefore']
      : ['LastUpdatedAfter', 'LastUpdatedBefore'];
    const unreadable = [afterName, beforeName].filter(
      (name) => query.has(name) && dateOf(query.get(name)) === null,
    );
    if (unreadable.length > 0) {
      const fields = unreadable.map((name) => name.charAt(0).toLowerCase() + name.slice(1)).join(', ');
      throw new OrdersApiError(
        400,
        'InvalidInput',
        'This is an invalid input',
        `Invalid date-time field(s) [${fields}].`,
      );
    }
    const now = this.options.store.now().getTime();
    const latest = now - this.options.processingDelayMs;
    const after = dateOf(query.get(afterName)) as number;
    const before = query.has(beforeName)
      ? (dateOf(query.get(beforeName)) as number)
      : Math.floor(latest / 1000) * 1000;
    if (after > now || before > latest || before < after) throw invalid();
    const size = query.get('MaxResultsPerPage');
    const pageSize = size === null ? 100 : Number(size);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw invalid();
    const statuses = query.get('OrderStatuses');
    return {
      marketplaces,
      field: byCreation ? 'PurchaseDate' : 'LastUpdateDate',
      after,
      before,
      statuses: statuses ? new Set(statuses.split(',')) : null,
      pageSize,
    };
  }
}

function matches(order: SpOrder, criteria: Criteria, now: number): boolean {
  if (!order.MarketplaceId || !criteria.marketplaces.has(order.MarketplaceId)) return false;
  const time = Date.parse(order[criteria.field]);
  if (time < criteria.after || time > criteria.before) return false;
  if (criteria.statuses && !criteria.statuses.has(order.OrderStatus)) return false;
  const kept = LONG_HISTORY.has(order.MarketplaceId) ? SINCE_2016 : now - TWO_YEARS;
  return Date.parse(order.PurchaseDate) >= kept;
}

/** An order as a caller with these grants sees it. */
export function render(stored: SpOrder, grants: ReadonlySet<DataElement>, now: number): SpOrder {
  const order = structuredClone(stored);
  const personal = PII_STATUSES.has(order.OrderStatus);
  order.BuyerInfo = personal && grants.has('buyerInfo') ? (order.BuyerInfo ?? {}) : {};
  if (!personal || !grants.has('buyerTaxInformation')) delete order.BuyerTaxInformation;
  if (!personal) {
    delete order.ShippingAddress;
  } else if (order.ShippingAddress) {
    order.ShippingAddress = grants.has('shippingAddress')
      ? withoutStalePhone(order, now)
      : publicPart(order.ShippingAddress);
  }
  return order;
}

/** Without a restricted data token: where the parcel goes, not to whom. */
function publicPart(address: SpAddress): SpAddress {
  const { City, County, District, StateOrRegion, Municipality, PostalCode, CountryCode } = address;
  return Object.fromEntries(
    Object.entries({ City, County, District, StateOrRegion, Municipality, PostalCode, CountryCode }).filter(
      ([, value]) => value !== undefined,
    ),
  ) as unknown as SpAddress;
}

function withoutStalePhone(order: SpOrder, now: number): SpAddress {
  const address = { ...(order.ShippingAddress as SpAddress) };
  const pastDelivery = order.LatestDeliveryDate !== undefined && Date.parse(order.LatestDeliveryDate) < now;
  if (order.FulfillmentChannel === 'AFN' || (order.OrderStatus === 'Shipped' && pastDelivery))
    delete address.Phone;
  return address;
}

function dateOf(value: string | null): number | null {
  if (value === null || !ISO_DATE_TIME.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

/** The marketplace list getMarketplaceParticipations answers. */
export function participations(ids: Iterable<string>): unknown[] {
  return [...ids].flatMap((id) => {
    const marketplace = marketplaceById(id);
    if (!marketplace) return [];
    return [
      {
        marketplace: {
          id,
          name: marketplace.name,
          countryCode: marketplace.countryCode,
          defaultCurrencyCode: marketplace.currency,
          defaultLanguageCode: marketplace.language,
          domainName: `www.${marketplace.domain}`,
        },
        participation: { isParticipating: true, hasSuspendedListings: false },
      },
    ];
  });
}
