/**
 * Maps an IBUS feed entry (protocol v1, docs/protocols/ibus.md) to a ChannelCustomer, a DeletedCustomer
 * (tombstone) or a RejectedRecord with a stable code when the entry is unusable:
 *   INVALID_RECORD  not an object, a customer without a name, or its addresses not of their shape:
 *                   "addresses" not a list (the protocol always sends it), an address that is not an object, a
 *                   field that is not text (never taken as "no address", which would remove the addresses
 *                   stored for the partner)
 *   MISSING_ID      no id
 *   INVALID_DATE    changedAt is not a real ISO 8601 instant
 *   INVALID_EMAIL   an e-mail that is not an e-mail address (a missing e-mail is fine: B2B customers)
 * A country that is not an ISO code is delivered as it is (the import warns about it). The decisions are
 * documented in docs/adapters/ibus.md.
 */
import type { ChannelAddress, ChannelContact } from '../../domain/channel-customer.ts';
import { isCountryCode } from '../../domain/countries.ts';
import { addressListProblem } from '../address-shape.ts';
import { isoInstant } from '../date-times.ts';
import type { FeedMapResult } from '../map-results.ts';
import { distinctPhones, distinctTexts, isEmail, isRecord, text } from '../record-values.ts';
import type { IbusAddress, IbusCommunication, IbusContactPerson } from './ibus-types.ts';

/** Kontor's sales tax classification codes, from the protocol's codes. */
export const SALES_TAX_CLASSIFICATIONS: Readonly<Record<string, string>> = {
  DOMESTIC: 'domestic',
  EU: 'eu',
  THIRD_COUNTRY: 'third-country',
};

export type IbusMapResult = FeedMapResult;

/** The address fields the mapping reads. */
const ADDRESS_FIELDS = {
  texts: ['type', 'street', 'street2', 'postalCode', 'city', 'countryCode', 'region'],
} as const;

export function mapIbusEntry(raw: unknown): IbusMapResult {
  if (!isRecord(raw))
    return reject(null, 'INVALID_RECORD', 'The bus sent a feed entry that is not an object.', null);
  const changedAt = isoInstant(raw.changedAt);
  const id = text(raw.id);
  if (id === null) return reject(null, 'MISSING_ID', 'The bus sent a customer without an id.', changedAt);
  if (changedAt === null) {
    return reject(
      id,
      'INVALID_DATE',
      `Customer ${id}: changedAt "${String(raw.changedAt ?? '')}" is not a date and time (expected ISO 8601 UTC).`,
      null,
    );
  }
  if (raw.deleted === true) return { kind: 'deleted', deleted: { externalId: id, deletedAt: changedAt } };

  const name = text(raw.name);
  if (name === null)
    return reject(id, 'INVALID_RECORD', `Customer ${id} has no name (the customer's full name).`, changedAt);
  const email = text(raw.email);
  if (email !== null && !isEmail(email)) {
    return reject(
      id,
      'INVALID_EMAIL',
      `Customer ${id}: "${email}" is not a valid e-mail address.`,
      changedAt,
    );
  }
  const problem = Array.isArray(raw.addresses)
    ? addressListProblem(raw.addresses, 'addresses', ADDRESS_FIELDS)
    : '"addresses" is not a list';
  if (problem !== null) return reject(id, 'INVALID_RECORD', `Customer ${id}: ${problem}.`, changedAt);
  const communication = listOf(raw.communication).filter(isRecord) as Partial<IbusCommunication>[];
  const valuesOf = (...types: string[]) =>
    communication.filter((entry) => types.includes(String(entry.type))).map((entry) => entry.value);
  const addresses = raw.addresses as Partial<IbusAddress>[];
  const classification = text(raw.salesTaxClassification);
  const representative = isRecord(raw.salesRepresentative) ? text(raw.salesRepresentative.code) : null;

  return {
    kind: 'customer',
    customer: {
      externalId: id,
      email,
      firstName: text(raw.firstName),
      lastName: text(raw.lastName),
      company: name,
      taxId: text(raw.tin),
      phones: distinctPhones(valuesOf('phone', 'mobile')),
      websites: distinctTexts(valuesOf('url')),
      addresses: mapAddresses(addresses),
      contacts: listOf(raw.contactPersons)
        .filter(isRecord)
        .map((person) => mapContact(person as Partial<IbusContactPerson>))
        .filter((contact): contact is ChannelContact => contact !== null),
      salesTaxClassification:
        classification === null
          ? null
          : (SALES_TAX_CLASSIFICATIONS[classification.toUpperCase()] ?? classification),
      salesRepresentative: representative,
      guest: false,
      createdAt: isoInstant(raw.createdAt),
      updatedAt: changedAt,
    },
  };
}

/**
 * Addresses in the bus's order. The default billing address is the first "invoice" address, else the
 * "main" one; the default shipping address the first "delivery" address, else the "main" one.
 */
function mapAddresses(addresses: Partial<IbusAddress>[]): ChannelAddress[] {
  const first = (type: string) => addresses.findIndex((address) => address.type === type);
  const pick = (preferred: string) => (first(preferred) >= 0 ? first(preferred) : first('main'));
  const billing = pick('invoice');
  const shipping = pick('delivery');
  return addresses.map((address, index) => {
    const country = text(address.countryCode);
    const street = [text(address.street), text(address.street2)].filter((line) => line !== null).join(', ');
    return {
      street: street === '' ? null : street,
      postalCode: text(address.postalCode),
      city: text(address.city),
      country: country !== null && isCountryCode(country.toUpperCase()) ? country.toUpperCase() : country,
      region: text(address.region),
      defaultBilling: index === billing,
      defaultShipping: index === shipping,
    };
  });
}

function mapContact(person: Partial<IbusContactPerson>): ChannelContact | null {
  const name = [text(person.firstName), text(person.lastName)].filter((part) => part !== null).join(' ');
  if (name === '') return null;
  return {
    name,
    function: text(person.occupation),
    email: text(person.email),
    phone: text(person.phone),
  };
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function reject(
  externalId: string | null,
  code: string,
  message: string,
  updatedAt: string | null,
): IbusMapResult {
  return { kind: 'rejected', rejected: { externalId, code, message, updatedAt } };
}
