/**
 * Turns the orders of a read into buyers. Amazon has no customer entity: a buyer is known by the
 * anonymized e-mail address on their orders (BuyerInfo.BuyerEmail, one per buyer and seller in each
 * marketplace), which is the external id (lower case). A buyer with several orders in the read becomes
 * one ChannelCustomer:
 * - its data come from the buyer's most recently placed order (latest PurchaseDate) in the read;
 * - its change time (updatedAt) is the latest LastUpdateDate of the buyer's orders in the read.
 * Orders without a buyer e-mail (Pending and Canceled orders, for which Amazon gives no buyer data) are
 * skipped: the buyer arrives once an order of theirs is Unshipped. Mapping decisions (names, company, tax
 * id, address) are in docs/adapters/amazon.md. Rejections:
 *   INVALID_DATE    none of the buyer's orders has a readable LastUpdateDate
 *   INVALID_EMAIL   BuyerEmail is not an e-mail address
 *   INVALID_RECORD  the ShippingAddress of the buyer's data order is not an object, or a field of it not text
 * A CountryCode that is not an ISO code is delivered as it is: the import rules warn about it (UNKNOWN_COUNTRY).
 */
import type { ChannelAddress, ChannelCustomer, RejectedRecord } from '../../domain/channel-customer.ts';
import { addressProblem } from '../address-shape.ts';
import { text } from '../record-values.ts';
import { marketplaceById, SPANISH_NAMING_COUNTRIES } from './marketplaces.ts';
import { splitPersonName } from './person-name.ts';
import type { SpAddress, SpOrder } from './sp-api-types.ts';

export type BuyerRecord =
  | { ok: true; key: string; updatedAt: string; customer: ChannelCustomer }
  | { ok: false; key: string; updatedAt: string | null; rejected: RejectedRecord };

interface Collected {
  key: string;
  /** Latest readable LastUpdateDate (ms); null while none was readable. */
  changed: number | null;
  /** The order the buyer's data come from: the latest PurchaseDate, then the latest change, then the id. */
  data: SpOrder;
}

const EMAIL = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]{2,}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Collects the orders of one read, one entry per buyer, in constant memory per buyer. */
export class BuyerCollector {
  private readonly buyers = new Map<string, Collected>();
  /** Orders without buyer data (skipped). */
  skippedOrders = 0;

  add(raw: unknown): void {
    if (typeof raw !== 'object' || raw === null) {
      this.skippedOrders += 1;
      return;
    }
    const order = raw as SpOrder;
    const email = text(order.BuyerInfo?.BuyerEmail);
    if (email === null) {
      this.skippedOrders += 1;
      return;
    }
    const key = email.toLowerCase();
    const changed = instant(order.LastUpdateDate);
    const known = this.buyers.get(key);
    if (!known) {
      this.buyers.set(key, { key, changed, data: order });
      return;
    }
    if (changed !== null && (known.changed === null || changed > known.changed)) known.changed = changed;
    if (placedLater(order, known.data)) known.data = order;
  }

  get size(): number {
    return this.buyers.size;
  }

  /** Every buyer as a ChannelCustomer or a rejection, in ascending (change time, key) order. */
  records(): BuyerRecord[] {
    return [...this.buyers.values()]
      .map((buyer) => toRecord(buyer))
      .sort((a, b) => comparePositions(positionOf(a), positionOf(b)));
  }
}

/** Where a record stands in the read's order; unreadable change times first. */
export interface Position {
  updatedAt: string | null;
  key: string;
}

export function positionOf(record: BuyerRecord): Position {
  return { updatedAt: record.updatedAt, key: record.key };
}

export function comparePositions(a: Position, b: Position): number {
  const at = a.updatedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(a.updatedAt);
  const bt = b.updatedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(b.updatedAt);
  if (at !== bt) return at < bt ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function toRecord(buyer: Collected): BuyerRecord {
  const { key, data } = buyer;
  if (buyer.changed === null) {
    return reject(
      key,
      null,
      'INVALID_DATE',
      `Buyer ${key}: order ${data.AmazonOrderId} has the LastUpdateDate "${String(data.LastUpdateDate ?? '')}", which is not an ISO 8601 date and time.`,
    );
  }
  const updatedAt = new Date(buyer.changed).toISOString();
  const email = text(data.BuyerInfo?.BuyerEmail) as string;
  if (!EMAIL.test(email)) {
    return reject(key, updatedAt, 'INVALID_EMAIL', `Buyer ${key}: "${email}" is not a valid e-mail address.`);
  }
  const problem = shippingAddressProblem(data.ShippingAddress);
  if (problem !== null) {
    return reject(
      key,
      updatedAt,
      'INVALID_RECORD',
      `Buyer ${key}: ${problem} in order ${data.AmazonOrderId}.`,
    );
  }
  const country = text(data.ShippingAddress?.CountryCode)?.toUpperCase() ?? null;
  return { ok: true, key, updatedAt, customer: mapBuyer(data, key, email, country, updatedAt) };
}

/** The ChannelCustomer of a buyer from the order its data come from. */
export function mapBuyer(
  order: SpOrder,
  key: string,
  email: string,
  country: string | null,
  updatedAt: string,
): ChannelCustomer {
  const buyer = order.BuyerInfo ?? {};
  const shipping = order.ShippingAddress;
  const business = order.IsBusinessOrder === true;
  const marketplaceCountry = order.MarketplaceId
    ? marketplaceById(order.MarketplaceId)?.countryCode
    : undefined;
  const spanish = [marketplaceCountry, country].some(
    (code) => code !== undefined && code !== null && SPANISH_NAMING_COUNTRIES.has(code),
  );
  const fullName = text(buyer.BuyerName) ?? text(shipping?.Name);
  const { firstName, lastName } = splitPersonName(fullName, spanish);
  const company = business
    ? (text(buyer.BuyerTaxInfo?.CompanyLegalName) ??
      text(order.BuyerTaxInformation?.BuyerLegalCompanyName) ??
      text(shipping?.CompanyName))
    : null;
  const taxId = business
    ? (text(order.BuyerTaxInformation?.BuyerTaxRegistrationId) ??
      (buyer.BuyerTaxInfo?.TaxClassifications ?? [])
        .map((item) => text(item?.Value))
        .find((value) => value !== null) ??
      null)
    : null;
  const phone = text(shipping?.Phone);
  const address = shipping ? mapAddress(shipping, country, company) : null;
  return {
    externalId: key,
    email,
    firstName,
    lastName,
    company,
    taxId,
    phones: phone === null ? [] : [phone],
    websites: [],
    addresses: address === null ? [] : [address],
    contacts: business && fullName !== null ? [{ name: fullName, function: null, email, phone }] : [],
    salesTaxClassification: null,
    salesRepresentative: null,
    guest: !business,
    createdAt: null,
    updatedAt,
  };
}

/**
 * The shipping address, the only address Amazon gives, so both default billing and default shipping.
 * Address lines that only repeat the recipient's company are dropped.
 */
function mapAddress(
  shipping: SpAddress,
  country: string | null,
  company: string | null,
): ChannelAddress | null {
  const repeats = new Set(
    [text(shipping.CompanyName), company]
      .filter((value) => value !== null)
      .map((value) => value.toLowerCase()),
  );
  const lines = [shipping.AddressLine1, shipping.AddressLine2, shipping.AddressLine3]
    .map((line) => text(line))
    .filter((line): line is string => line !== null && !repeats.has(line.toLowerCase()));
  const city = text(shipping.City);
  const postalCode = text(shipping.PostalCode);
  if (lines.length === 0 && city === null && postalCode === null) return null;
  return {
    street: lines.length > 0 ? lines.join(', ') : null,
    postalCode,
    city,
    country,
    region: text(shipping.StateOrRegion),
    defaultBilling: true,
    defaultShipping: true,
  };
}

const ADDRESS_FIELDS = {
  texts: [
    'Name',
    'CompanyName',
    'AddressLine1',
    'AddressLine2',
    'AddressLine3',
    'City',
    'StateOrRegion',
    'PostalCode',
    'CountryCode',
    'Phone',
  ],
} as const;

/**
 * What is wrong with the shape of an order's ShippingAddress (not an object, a field that is not text);
 * null when it is well formed or absent (Amazon gives no address for some orders). A malformed address is
 * an error of the buyer, never "no address", which would remove the address stored for the partner.
 */
function shippingAddressProblem(address: unknown): string | null {
  if (address === null || address === undefined) return null;
  return addressProblem(address, 'the ShippingAddress', ADDRESS_FIELDS);
}

function placedLater(candidate: SpOrder, current: SpOrder): boolean {
  const a = instant(candidate.PurchaseDate) ?? Number.NEGATIVE_INFINITY;
  const b = instant(current.PurchaseDate) ?? Number.NEGATIVE_INFINITY;
  if (a !== b) return a > b;
  const ca = instant(candidate.LastUpdateDate) ?? Number.NEGATIVE_INFINITY;
  const cb = instant(current.LastUpdateDate) ?? Number.NEGATIVE_INFINITY;
  if (ca !== cb) return ca > cb;
  return String(candidate.AmazonOrderId) > String(current.AmazonOrderId);
}

/** An ISO 8601 date-time as ms since the epoch; null if it is not one. */
export function instant(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

function reject(key: string, updatedAt: string | null, code: string, message: string): BuyerRecord {
  return { ok: false, key, updatedAt, rejected: { externalId: key, code, message, updatedAt } };
}
