/**
 * Maps a Retail POS customer (as the head office sends it) to the neutral ChannelCustomer, or to a
 * RejectedRecord with a stable code:
 *   INVALID_RECORD   not a customer object, or its address not of its shape: not an object, a field that
 *                    is not text (never taken as "no address", which would remove the address stored for
 *                    the partner; a missing or null address is no address)
 *   MISSING_ID       no customerId
 *   INVALID_DATE     modifiedAt is not an ISO 8601 instant with an offset
 *   INVALID_EMAIL    an e-mail is given but is not an e-mail address (no e-mail is fine: many store
 *                    customers register with a phone number only)
 * A countryCode that is not an ISO code ("POL") is delivered as it is: the import rules warn about it.
 * The external id is the head office's customer number; loyalty card numbers and the registering store
 * have no place in a ChannelCustomer and are not imported (docs/adapters/retail-pos.md).
 */
import type { ChannelAddress } from '../../domain/channel-customer.ts';
import { addressProblem } from '../address-shape.ts';
import { isoInstant } from '../date-times.ts';
import { type MapResult, reject } from '../map-results.ts';
import { countryOf, distinctPhones, isEmail, text } from '../record-values.ts';
import type { PosAddress, PosCustomer } from './pos-types.ts';

/** The address fields the mapping reads. */
const ADDRESS_FIELDS = { texts: ['street', 'postalCode', 'city', 'countryCode'] } as const;

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
  const updatedAt = isoInstant(customer.modifiedAt);
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
  if (email !== null && !isEmail(email)) {
    return reject(
      externalId,
      'INVALID_EMAIL',
      `Customer ${externalId}: "${email}" is not a valid e-mail address.`,
      updatedAt,
    );
  }
  const problem =
    customer.address === null || customer.address === undefined
      ? null
      : addressProblem(customer.address, '"address"', ADDRESS_FIELDS);
  if (problem !== null)
    return reject(externalId, 'INVALID_RECORD', `Customer ${externalId}: ${problem}.`, updatedAt);
  const addresses: ChannelAddress[] = [];
  if (customer.address) {
    const address = mapAddress(customer.address);
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
      createdAt: isoInstant(customer.createdAt),
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
    country: countryOf(address.countryCode),
    region: null,
    defaultBilling: true,
    defaultShipping: true,
  };
}
