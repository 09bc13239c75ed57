/**
 * Maps a raw Shopware customer (POST /api/search/customer, plain JSON, with addresses and their country)
 * to the neutral ChannelCustomer, or to a RejectedRecord with a stable code when the record is unusable:
 *   INVALID_RECORD  not a customer object, or its addresses not of their shape: no list, an address
 *                   without its country, a field that is not text (never taken as "no address", which
 *                   would remove the addresses stored for the partner)
 *   MISSING_ID      no id of 32 hex digits
 *   INVALID_DATE    createdAt (or a set updatedAt) is not a date-time
 *   INVALID_EMAIL   no e-mail address, or not an e-mail address
 * A country without an ISO 3166-1 alpha-2 code is delivered as its code or name: the import warns
 * (UNKNOWN_COUNTRY). The change time is updatedAt, or createdAt for a customer never changed (Shopware leaves updatedAt
 * null until the first update). Regions (countryState) are not imported (spec). The decisions are in
 * docs/adapters/shopware.md.
 */
import type { ChannelAddress } from '../../domain/channel-customer.ts';
import { isCountryCode } from '../../domain/countries.ts';
import { addressListProblem } from '../address-shape.ts';
import { type MapResult, reject } from '../map-results.ts';
import { distinctPhones, isEmail, isRecord, personNames, text } from '../record-values.ts';
import { shopwareDateToIso } from './shopware-dates.ts';
import type { ShopwareAddress, ShopwareCustomer } from './shopware-types.ts';

const HEX_ID = /^[0-9a-f]{32}$/;

/** The change time Kontor selects by: updatedAt, or createdAt while updatedAt is null. */
export function changeTimeOf(customer: Pick<ShopwareCustomer, 'createdAt' | 'updatedAt'>): string | null {
  if (customer.updatedAt !== null && customer.updatedAt !== undefined)
    return shopwareDateToIso(customer.updatedAt);
  return shopwareDateToIso(customer.createdAt);
}

export function mapShopwareCustomer(raw: unknown): MapResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return reject(null, 'INVALID_RECORD', 'The shop sent a customer record that is not an object.', null);
  }
  const customer = raw as ShopwareCustomer;
  const changed = changeTimeOf(customer);
  if (typeof customer.id !== 'string' || !HEX_ID.test(customer.id)) {
    return reject(null, 'MISSING_ID', 'The shop sent a customer without an id.', changed);
  }
  const externalId = customer.id;
  const createdAt = shopwareDateToIso(customer.createdAt);
  if (changed === null || createdAt === null) {
    const which =
      createdAt === null ? `createdAt "${customer.createdAt}"` : `updatedAt "${customer.updatedAt}"`;
    return reject(
      externalId,
      'INVALID_DATE',
      `Customer ${label(customer)}: ${which} is not a date and time.`,
      null,
    );
  }
  const email = text(customer.email);
  if (email === null || !isEmail(email)) {
    const what = email === null ? 'has no e-mail address' : `: "${email}" is not a valid e-mail address`;
    return reject(
      externalId,
      'INVALID_EMAIL',
      `Customer ${label(customer)}${email === null ? ' ' : ''}${what}.`,
      changed,
    );
  }

  const problem = addressProblem(customer.addresses);
  if (problem !== null) {
    return reject(externalId, 'INVALID_RECORD', `Customer ${label(customer)}: ${problem}.`, changed);
  }
  const rawAddresses = customer.addresses as ShopwareAddress[];
  const addresses = rawAddresses.map((address) => mapAddress(address, customer));

  const billing =
    rawAddresses.find((address) => address.id === customer.defaultBillingAddressId) ?? rawAddresses[0];
  const company =
    text(customer.company) ?? (customer.accountType === 'private' ? null : text(billing?.company));

  return {
    ok: true,
    customer: {
      externalId,
      email,
      ...personNames(customer),
      company,
      taxId: firstText(customer.vatIds),
      phones: distinctPhones(phoneOrder(rawAddresses, customer).map((address) => address.phoneNumber)),
      websites: [],
      addresses,
      contacts: [],
      salesTaxClassification: null,
      salesRepresentative: null,
      guest: customer.guest === true,
      createdAt,
      updatedAt: changed,
    },
  };
}

function mapAddress(address: ShopwareAddress, customer: ShopwareCustomer): ChannelAddress {
  const lines = [address.street, address.additionalAddressLine1, address.additionalAddressLine2]
    .map((line) => text(line))
    .filter((line) => line !== null);
  return {
    street: lines.length > 0 ? lines.join(', ') : null,
    postalCode: text(address.zipcode),
    city: text(address.city),
    country: countryOf(address),
    region: null,
    defaultBilling: address.id === customer.defaultBillingAddressId,
    defaultShipping: address.id === customer.defaultShippingAddressId,
  };
}

/** The ISO code of the address's country; a country without one as its code or name (the import warns). */
function countryOf(address: ShopwareAddress): string | null {
  const iso = text(address.country?.iso)?.toUpperCase() ?? null;
  if (iso !== null && isCountryCode(iso)) return iso;
  return iso ?? text(address.country?.name) ?? text(address.countryId);
}

/** The address fields the mapping reads; the country is asked for with every address. */
const ADDRESS_FIELDS = {
  texts: [
    'street',
    'additionalAddressLine1',
    'additionalAddressLine2',
    'zipcode',
    'city',
    'company',
    'phoneNumber',
  ],
  parts: { country: ['iso', 'name'] },
} as const;

/**
 * What is wrong with the shape of the customer's addresses (Kontor asks for them and their country, so a
 * customer without the list, an address without its country or with a field that is not text is a
 * malformed answer, not a customer without an address); null when they are well formed.
 */
function addressProblem(addresses: unknown): string | null {
  if (!Array.isArray(addresses)) return '"addresses" is not a list';
  const problem = addressListProblem(addresses, 'addresses', ADDRESS_FIELDS);
  if (problem !== null) return problem;
  const index = addresses.findIndex((address) => !isRecord(address.country));
  return index < 0 ? null : `address ${index + 1} of "addresses" has no country`;
}

/** Phones of the default billing address first, then the default shipping address, then the others. */
function phoneOrder(addresses: ShopwareAddress[], customer: ShopwareCustomer): ShopwareAddress[] {
  const rank = (address: ShopwareAddress): number =>
    address.id === customer.defaultBillingAddressId
      ? 0
      : address.id === customer.defaultShippingAddressId
        ? 1
        : 2;
  return [...addresses].sort((a, b) => rank(a) - rank(b));
}

function firstText(values: unknown): string | null {
  if (!Array.isArray(values)) return null;
  for (const value of values) {
    const item = text(value);
    if (item !== null) return item;
  }
  return null;
}

/** How messages name a customer: its customer number with its id, else its id. */
function label(customer: ShopwareCustomer): string {
  const number = text(customer.customerNumber);
  return number === null ? customer.id : `${number} (${customer.id})`;
}
