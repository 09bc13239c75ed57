/**
 * Maps a Retail POS customer (as the head office sends it) to the neutral ChannelCustomer, or to a
 * RejectedRecord with a stable code:
 *   INVALID_RECORD   not a customer object
 *   MISSING_ID       no customerId
 *   INVALID_DATE     modifiedAt is not an ISO 8601 instant with an offset
 *   INVALID_EMAIL    an e-mail is given but is not an e-mail address (no e-mail is fine: many store
 *                    customers register with a phone number only)
 *   INVALID_COUNTRY  the address's countryCode is not an ISO 3166-1 alpha-2 code
 * The external id is the head office's customer number; loyalty card numbers and the registering store
 * have no place in a ChannelCustomer and are not imported (docs/adapters/retail-pos.md).
 */
import type { ChannelAddress } from '../../domain/channel-customer.ts';
import { isCountryCode } from '../../domain/countries.ts';
import { distinctPhones, isEmailAddress, type MapResult, reject, text } from '../map-helpers.ts';
import type { PosAddress, PosCustomer } from './pos-types.ts';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with an offset as UTC ISO text; null for anything else. */
export function posInstantToIso(value: unknown): string | null {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value.trim())) return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function mapPosCustomer(raw: unknown): MapResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return reject(
      null,
      'INVALID_RECORD',
      'The head office sent a customer record that is not an object.',
      null,
    );
  }
  const customer = raw as Partial<PosCustomer>;
  const updatedAt = posInstantToIso(customer.modifiedAt);
  const externalId = text(customer.customerId);
  if (externalId === null)
    return reject(null, 'MISSING_ID', 'The head office sent a customer without a customerId.', updatedAt);
  if (updatedAt === null) {
    return reject(
      externalId,
      'INVALID_DATE',
      `Customer ${externalId}: modifiedAt "${String(customer.modifiedAt ?? '')}" is not an ISO 8601 date-time with an offset.`,
      null,
    );
  }
  const email = text(customer.email);
  if (email !== null && !isEmailAddress(email)) {
    return reject(
      externalId,
      'INVALID_EMAIL',
      `Customer ${externalId}: "${email}" is not a valid e-mail address.`,
      updatedAt,
    );
  }
  const addresses: ChannelAddress[] = [];
  if (customer.address && typeof customer.address === 'object') {
    const address = mapAddress(customer.address);
    if (address.country !== null && !isCountryCode(address.country)) {
      return reject(
        externalId,
        'INVALID_COUNTRY',
        `Customer ${externalId}: the country "${customer.address.countryCode}" is not an ISO 3166 alpha-2 code.`,
        updatedAt,
      );
    }
    if ([address.street, address.postalCode, address.city, address.country].some((part) => part !== null))
      addresses.push(address);
  }
  const company = customer.type === 'company' ? text(customer.companyName) : null;
  return {
    ok: true,
    customer: {
      externalId,
      email,
      firstName: text(customer.firstName),
      lastName: text(customer.lastName),
      company,
      taxId: text(customer.taxId),
      phones: distinctPhones([customer.phone, customer.mobilePhone]),
      websites: [],
      addresses,
      contacts: [],
      salesTaxClassification: null,
      salesRepresentative: null,
      guest: false,
      createdAt: posInstantToIso(customer.createdAt),
      updatedAt,
    },
  };
}

/** The one address a store customer has: billing and shipping. */
function mapAddress(address: PosAddress): ChannelAddress {
  return {
    street: text(address.street),
    postalCode: text(address.postalCode),
    city: text(address.city),
    country: text(address.countryCode)?.toUpperCase() ?? null,
    region: null,
    defaultBilling: true,
    defaultShipping: true,
  };
}
