/**
 * Maps an SFA customer to the neutral ChannelCustomer, or to a RejectedRecord with a stable code when the
 * record is unusable:
 *   INVALID_RECORD  not an object, or deliveryAddresses / contactPersons / address not of their shape (an
 *                   address not an object, a field of it not text: never read as "no address" or blank, which
 *                   would remove the addresses stored for the partner)
 *   MISSING_ID      no id
 *   INVALID_DATE    modifiedAt is not an ISO 8601 UTC date-time
 * The company is the partner's name (SFA customers are businesses; the people are contact persons); the
 * sales representative is the owner's code, else the code of the representative who entered the customer.
 * Decisions: docs/adapters/sfa.md.
 */
import type { ChannelAddress } from '../../domain/channel-customer.ts';
import { addressListProblem, addressProblem } from '../address-shape.ts';
import { type MapResult, reject } from '../map-results.ts';
import { contactOf, countryOf, distinctPhones, isRecord, listOrNull, text } from '../record-values.ts';

export type SfaMapResult = MapResult;

const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** The instant of an SFA server time as ISO 8601; null unless it is one. */
export function sfaTimeToIso(value: unknown): string | null {
  if (typeof value !== 'string' || !UTC_TIME.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The fields of the main and the delivery addresses that the mapping reads. */
const ADDRESS_FIELDS = { texts: ['street', 'postalCode', 'city', 'country'] } as const;

export function mapSfaCustomer(raw: unknown): SfaMapResult {
  if (!isRecord(raw))
    return reject(null, 'INVALID_RECORD', 'The SFA server sent a customer that is not an object.', null);
  const updatedAt = sfaTimeToIso(raw.modifiedAt);
  const externalId = text(raw.id);
  if (externalId === null)
    return reject(null, 'MISSING_ID', 'The SFA server sent a customer without an id.', updatedAt);
  if (updatedAt === null) {
    return reject(
      externalId,
      'INVALID_DATE',
      `Customer ${externalId}: modifiedAt "${String(raw.modifiedAt ?? '')}" is not a UTC date and time.`,
      null,
    );
  }
  const deliveries = listOrNull(raw.deliveryAddresses);
  const people = listOrNull(raw.contactPersons);
  const main = raw.address === null || raw.address === undefined ? null : raw.address;
  const problem =
    (main === null ? null : addressProblem(main, '"address"', ADDRESS_FIELDS)) ??
    addressListProblem(raw.deliveryAddresses, 'deliveryAddresses', ADDRESS_FIELDS);
  if (problem !== null)
    return reject(externalId, 'INVALID_RECORD', `Customer ${externalId}: ${problem}.`, updatedAt);
  // deliveries is a list here (addressListProblem refuses anything else).
  if (deliveries === null || people === null || !people.every(isRecord)) {
    return reject(
      externalId,
      'INVALID_RECORD',
      `Customer ${externalId}: "contactPersons" does not have the expected shape.`,
      updatedAt,
    );
  }
  const delivery = deliveries as Record<string, unknown>[];
  const hasDefaultDelivery = delivery.some((address) => address.isDefault === true);
  const addresses: ChannelAddress[] = [];
  if (isRecord(main)) addresses.push(mapAddress(main, true, !hasDefaultDelivery));
  for (const address of delivery) addresses.push(mapAddress(address, false, address.isDefault === true));
  const representative =
    (isRecord(raw.owner) ? raw.owner : null) ?? (isRecord(raw.createdBy) ? raw.createdBy : null);
  const website = text(raw.website);

  return {
    ok: true,
    customer: {
      externalId,
      email: text(raw.email),
      firstName: null,
      lastName: null,
      company: text(raw.name),
      taxId: text(raw.taxId),
      phones: distinctPhones([raw.phone, raw.mobile]),
      websites: website === null ? [] : [website],
      addresses,
      contacts: (people as Record<string, unknown>[]).flatMap((person) => contactOf(person)),
      salesTaxClassification: null,
      salesRepresentative: text(representative?.code),
      guest: false,
      createdAt: sfaTimeToIso(raw.createdAt),
      updatedAt,
    },
  };
}

function mapAddress(address: Record<string, unknown>, billing: boolean, shipping: boolean): ChannelAddress {
  return {
    street: text(address.street),
    postalCode: text(address.postalCode),
    city: text(address.city),
    country: countryOf(address.country),
    region: null,
    defaultBilling: billing,
    defaultShipping: shipping,
  };
}
