/**
 * Generates a deterministic Amazon seller for the simulator: the orders of sample buyers (sample-data
 * people) in the seller's EU marketplaces, as Orders API v0 renders them, personal data included (the
 * simulator hides what a caller may not see). Buyers order one to six times over the last two years, at
 * different addresses; businesses order as Amazon Business buyers (IsBusinessOrder, company on the shipping
 * address, sometimes in AddressLine1 the old way, a PO number; Turkish ones with BuyerTaxInformation). Recent
 * orders are Pending or Unshipped, older ones Shipped or Canceled; about a third are fulfilled by Amazon
 * (no phone). The same options always give the same orders.
 */

import { amazonDate } from '../../adapters/amazon/dates.ts';
import { type Marketplace, marketplaceById } from '../../adapters/amazon/marketplaces.ts';
import type { OrderStatus, SpAddress, SpOrder } from '../../adapters/amazon/sp-api-types.ts';
import { streetLine } from '../sample-data/names.ts';
import type { SampleAddress, SamplePerson } from '../sample-data/people.ts';
import { generatePeople } from '../sample-data/people.ts';
import { Prng } from '../sample-data/prng.ts';

export interface AmazonSeedOptions {
  buyers: number;
  seed: number;
  /** No order is later than this; orders span the two years before it. */
  until: Date;
}

/** Where a buyer from each country shops (countries without their own store: the German one). */
const STORE_OF_COUNTRY: Readonly<Record<string, string>> = {
  DE: 'A1PA6795UKMFR9',
  AT: 'A1PA6795UKMFR9',
  CH: 'A1PA6795UKMFR9',
  CZ: 'A1PA6795UKMFR9',
  DK: 'A1PA6795UKMFR9',
  NO: 'A2NODRKZP88ZB9',
  FI: 'A2NODRKZP88ZB9',
  SE: 'A2NODRKZP88ZB9',
  PL: 'A1C3SOZRARQ6R3',
  NL: 'A1805IZSGTT6HS',
  BE: 'AMEN7PMS3EDWL',
  FR: 'A13V1IB3VIYZZH',
  GB: 'A1F83G8C2ARO7P',
  US: 'A1F83G8C2ARO7P',
  ES: 'A1RKKUPIHCS9HS',
  IT: 'APJ6JRA9NG5V4',
  TR: 'A33AVAJ2PDY3EV',
};

/** The marketplaces the generated seller sells in. */
export const SEED_MARKETPLACE_IDS: readonly string[] = [...new Set(Object.values(STORE_OF_COUNTRY))];

const DAY = 86_400_000;
const HISTORY = 700 * DAY;
const SELLER_ADDRESS: SpAddress = {
  Name: 'Kontor Demo Versand GmbH',
  AddressLine1: 'Lagerstraße 7',
  City: 'Leipzig',
  StateOrRegion: 'Sachsen',
  PostalCode: '04129',
  CountryCode: 'DE',
  Phone: '+49 341 9876543',
  AddressType: 'Commercial',
};
const ORDER_PREFIXES = [
  '028',
  '171',
  '302',
  '303',
  '304',
  '305',
  '306',
  '402',
  '403',
  '404',
  '405',
  '406',
  '407',
  '408',
];

export function generateAmazonOrders(options: AmazonSeedOptions): SpOrder[] {
  const until = Math.floor(options.until.getTime() / 1000) * 1000;
  const people = generatePeople({
    count: options.buyers,
    seed: options.seed,
    until: new Date(until),
    from: new Date(until - HISTORY),
  });
  const rng = new Prng(options.seed ^ 0x5eed);
  const ids = new Set<string>();
  const aliases = new Set<string>();
  const orders: SpOrder[] = [];
  for (const person of people) {
    const marketplace = marketplaceById(
      STORE_OF_COUNTRY[person.locale.country] ?? 'A1PA6795UKMFR9',
    ) as Marketplace;
    const email = alias(rng, aliases, marketplace);
    const addresses = person.addresses.length > 0 ? person.addresses : [homeAddress(rng, person)];
    const count = rng.weighted([
      [1, 55],
      [2, 25],
      [3, 10],
      [4, 5],
      [6, 5],
    ] as const);
    const first = Math.max(person.createdAt.getTime(), until - HISTORY);
    const times = Array.from({ length: count }, () => randomSecond(rng, first, until)).sort((a, b) => a - b);
    const buyerName = rng.chance(0.85) ? fullName(person) : null;
    for (const purchased of times) {
      const address =
        addresses.length > 1 && rng.chance(0.3)
          ? rng.pick(addresses)
          : (addresses[person.defaultShipping ?? 0] ?? addresses[0]);
      orders.push(
        order(rng, {
          id: orderId(rng, ids),
          person,
          marketplace,
          email,
          buyerName,
          address: address as SampleAddress,
          purchased,
          until,
        }),
      );
    }
  }
  return orders;
}

interface OrderInput {
  id: string;
  person: SamplePerson;
  marketplace: Marketplace;
  email: string;
  buyerName: string | null;
  address: SampleAddress;
  purchased: number;
  until: number;
}

function order(rng: Prng, input: OrderInput): SpOrder {
  const { person, marketplace, purchased, until } = input;
  const business = person.company !== null;
  const afn = rng.chance(0.35);
  const status = statusOf(rng, until - purchased);
  const updated = Math.min(until, purchased + updateDelay(rng, status));
  const items = rng.weighted([
    [1, 70],
    [2, 20],
    [3, 10],
  ] as const);
  const shipped = status === 'Shipped' ? items : status === 'PartiallyShipped' ? 1 : 0;
  const order: SpOrder = {
    AmazonOrderId: input.id,
    PurchaseDate: amazonDate(new Date(purchased)),
    LastUpdateDate: amazonDate(new Date(updated)),
    OrderStatus: status,
    FulfillmentChannel: afn ? 'AFN' : 'MFN',
    SalesChannel: marketplace.name,
    ShipServiceLevel: afn ? 'Expedited' : `Std ${marketplace.countryCode} Dom_${rng.int(1, 3)}`,
    OrderTotal: { CurrencyCode: marketplace.currency, Amount: (rng.int(599, 49_999) / 100).toFixed(2) },
    NumberOfItemsShipped: status === 'Canceled' ? 0 : shipped,
    NumberOfItemsUnshipped: status === 'Canceled' ? 0 : items - shipped,
    PaymentMethod: 'Other',
    PaymentMethodDetails: [business && rng.chance(0.4) ? 'Invoice' : 'Standard'],
    MarketplaceId: marketplace.id,
    ShipmentServiceLevelCategory: afn ? 'Expedited' : 'Standard',
    OrderType: 'StandardOrder',
    EarliestShipDate: amazonDate(new Date(purchased + DAY)),
    LatestShipDate: amazonDate(new Date(purchased + 2 * DAY)),
    IsBusinessOrder: business,
    IsPrime: afn || rng.chance(0.1),
    IsPremiumOrder: false,
    IsGlobalExpressEnabled: false,
    IsReplacementOrder: false,
    IsSoldByAB: false,
    IsIBA: false,
    IsISPU: false,
    IsAccessPointOrder: !business && rng.chance(0.05),
    AutomatedShippingSettings: { HasAutomatedShippingSettings: false },
    HasRegulatedItems: false,
  };
  if (!afn) {
    order.EarliestDeliveryDate = amazonDate(new Date(purchased + 2 * DAY));
    order.LatestDeliveryDate = amazonDate(new Date(purchased + 5 * DAY));
    order.DefaultShipFromLocationAddress = { ...SELLER_ADDRESS };
  }
  order.BuyerInfo = compact({
    BuyerEmail: input.email,
    BuyerName: input.buyerName ?? undefined,
    PurchaseOrderNumber: business && rng.chance(0.3) ? `PO-${rng.digits('######')}` : undefined,
  });
  order.ShippingAddress = shippingAddress(rng, input.address, person, !afn);
  if (marketplace.id === 'A33AVAJ2PDY3EV') {
    order.BuyerInvoicePreference = business ? 'BUSINESS' : 'INDIVIDUAL';
    if (business) {
      order.BuyerTaxInformation = {
        BuyerLegalCompanyName: person.company as string,
        BuyerBusinessAddress: `${input.address.street.join(' ')} ${input.address.postalCode} ${input.address.city}`,
        BuyerTaxRegistrationId: person.vatId ?? undefined,
        BuyerTaxOffice: rng.pick(['Kadıköy', 'Beşiktaş', 'Çankaya', 'Konak']),
      };
    }
  }
  return order;
}

function shippingAddress(
  rng: Prng,
  address: SampleAddress,
  person: SamplePerson,
  withPhone: boolean,
): SpAddress {
  const business = person.company !== null;
  const company = business ? (address.company ?? person.company) : null;
  // Older Amazon Business addresses carry the company in AddressLine1 and the street below it.
  const lines = company !== null && rng.chance(0.2) ? [company, ...address.street] : [...address.street];
  return compact({
    Name: `${address.firstName} ${address.lastName}`,
    CompanyName: company ?? undefined,
    AddressLine1: lines[0],
    AddressLine2: lines[1],
    AddressLine3: lines[2],
    City: address.city,
    StateOrRegion: address.region
      ? address.country === 'US'
        ? address.region.code
        : address.region.name
      : undefined,
    PostalCode: address.postalCode,
    CountryCode: address.country,
    Phone: withPhone ? address.phone : undefined,
    AddressType: business ? 'Commercial' : 'Residential',
  });
}

/** Status by the order's age: recent orders wait for payment or shipping, older ones are done. */
function statusOf(rng: Prng, age: number): OrderStatus {
  if (age < 30 * 60_000) return rng.chance(0.6) ? 'Pending' : 'Unshipped';
  if (age < 2 * DAY) {
    return rng.weighted([
      ['Unshipped', 60],
      ['PartiallyShipped', 10],
      ['Shipped', 25],
      ['Pending', 5],
    ] as const);
  }
  return rng.weighted([
    ['Shipped', 93],
    ['Canceled', 5],
    ['InvoiceUnconfirmed', 2],
  ] as const);
}

function updateDelay(rng: Prng, status: OrderStatus): number {
  switch (status) {
    case 'Pending':
      return 0;
    case 'Unshipped':
      return rng.int(1, 20) * 60_000;
    case 'Canceled':
      return rng.int(1, 24 * 60) * 60_000;
    default:
      return rng.int(2, 72) * 3_600_000 + rng.int(0, 3599) * 1000;
  }
}

/** The anonymized address Amazon relays: 13 to 16 letters and digits @marketplace.<store domain>. */
function alias(rng: Prng, taken: Set<string>, marketplace: Marketplace): string {
  const characters = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (;;) {
    let local = '';
    for (let n = rng.int(13, 16); n > 0; n--) local += characters.charAt(rng.int(0, characters.length - 1));
    const email = `${local}@marketplace.${marketplace.domain}`;
    if (!taken.has(email)) {
      taken.add(email);
      return email;
    }
  }
}

/** "302-1234567-7654321": Amazon's 3-7-7 order id. */
function orderId(rng: Prng, taken: Set<string>): string {
  for (;;) {
    const id = `${rng.pick(ORDER_PREFIXES)}-${rng.digits('#######')}-${rng.digits('#######')}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** A buyer without an address book entry still ships somewhere: their home town. */
function homeAddress(rng: Prng, person: SamplePerson): SampleAddress {
  const city = rng.pick(person.locale.cities);
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    company: person.company,
    street: [streetLine(rng, person.locale)],
    postalCode: rng.pick(city.postcodes),
    city: city.city,
    country: person.locale.country,
    region: city.region ?? null,
    phone: person.phone,
  };
}

export function fullName(person: Pick<SamplePerson, 'firstName' | 'middleName' | 'lastName'>): string {
  return [person.firstName, person.middleName, person.lastName].filter((part) => part).join(' ');
}

function randomSecond(rng: Prng, from: number, to: number): number {
  return (Math.floor(from / 1000) + rng.int(0, Math.max(0, Math.floor((to - from) / 1000)))) * 1000;
}

/** Amazon leaves out fields it has no value for. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
