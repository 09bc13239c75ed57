/**
 * Maps one item of the protocol 17 customer list to what the adapter delivers: a ChannelCustomer, a
 * DeletedCustomer (tombstone), or a RejectedRecord with a stable code when the item is unusable:
 *   INVALID_RECORD  not an object, a list field (phones, addresses, employees) that is not a list, or an
 *                   address that is not an object or has a field that is not text (never dropped or read
 *                   blank, which would remove the addresses stored for the partner)
 *   MISSING_ID      no positive integer id
 *   INVALID_DATE    modifiedAt is not a date-time with an offset (e.g. .NET's empty "0001-01-01T00:00:00")
 * Country values that are no ISO code, e-mails and tax ids are delivered as they are: the import rules
 * judge them. The decisions are documented in docs/adapters/webshop.md.
 */
import type { ChannelAddress } from '../../domain/channel-customer.ts';
import { addressListProblem } from '../address-shape.ts';
import type { FeedMapResult } from '../map-results.ts';
import { contactOf, countryOf, distinctPhones, isRecord, listOrNull, text } from '../record-values.ts';
import { webshopTimeToIso } from './webshop-dates.ts';

export type WebshopMapResult = FeedMapResult;

/** Phone types that are numbers to call (a fax number is not a partner phone). */
const CALLABLE = new Set(['phone', 'mobile']);

/** The address fields the mapping reads. */
const ADDRESS_FIELDS = {
  texts: ['street', 'street2', 'postalCode', 'city', 'countryCode', 'phone'],
} as const;

export function mapWebshopItem(raw: unknown): WebshopMapResult {
  if (!isRecord(raw))
    return reject(null, 'INVALID_RECORD', 'The webshop sent a customer that is not an object.', null);
  const id = raw.id;
  const updatedAt = webshopTimeToIso(raw.modifiedAt);
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) {
    return reject(null, 'MISSING_ID', 'The webshop sent a customer without an id.', updatedAt);
  }
  const externalId = String(id);
  if (updatedAt === null) {
    return reject(
      externalId,
      'INVALID_DATE',
      `Customer ${externalId}: modifiedAt "${String(raw.modifiedAt ?? '')}" is not a date and time with an offset.`,
      null,
    );
  }
  if (raw.deleted === true) {
    return {
      kind: 'deleted',
      deleted: { externalId, deletedAt: webshopTimeToIso(raw.deletedAt) ?? updatedAt },
    };
  }

  const phones = listOrNull(raw.phones);
  const addresses = listOrNull(raw.addresses);
  const employees = listOrNull(raw.employees);
  const wrong = [
    ['phones', phones],
    ['addresses', addresses],
    ['employees', employees],
  ].find(([, list]) => list === null);
  if (wrong || phones === null || addresses === null || employees === null) {
    return reject(
      externalId,
      'INVALID_RECORD',
      `Customer ${externalId}: "${wrong?.[0]}" is not a list.`,
      updatedAt,
    );
  }
  const problem = addressListProblem(addresses, 'addresses', ADDRESS_FIELDS);
  if (problem !== null)
    return reject(externalId, 'INVALID_RECORD', `Customer ${externalId}: ${problem}.`, updatedAt);
  const records = <T>(items: unknown[]) => items.filter(isRecord) as T[];
  const people = records<Record<string, unknown>>(employees);
  const owner = people.find((person) => person.isMain === true);
  const places = addresses as Record<string, unknown>[];

  return {
    kind: 'customer',
    customer: {
      externalId,
      email: text(raw.email),
      firstName: text(owner?.firstName),
      lastName: text(owner?.lastName),
      company: text(raw.name),
      taxId: text(raw.tin),
      phones: distinctPhones([
        ...records<Record<string, unknown>>(phones)
          .filter((phone) => CALLABLE.has(String(phone.type)))
          .map((phone) => phone.number),
        ...places.map((place) => place.phone),
      ]),
      websites: [],
      addresses: places.map(mapAddress),
      contacts: people.filter((person) => person.active !== false).flatMap((person) => contactOf(person)),
      salesTaxClassification: null,
      salesRepresentative: null,
      guest: false,
      createdAt: webshopTimeToIso(raw.createdAt),
      updatedAt,
    },
  };
}

function mapAddress(address: Record<string, unknown>): ChannelAddress {
  const lines = [text(address.street), text(address.street2)].filter((line) => line !== null);
  return {
    street: lines.length > 0 ? lines.join(', ') : null,
    postalCode: text(address.postalCode),
    city: text(address.city),
    country: countryOf(address.countryCode),
    region: null,
    defaultBilling: address.isDefaultBilling === true,
    defaultShipping: address.isDefaultDelivery === true,
  };
}

function reject(
  externalId: string | null,
  code: string,
  message: string,
  updatedAt: string | null,
): WebshopMapResult {
  return { kind: 'rejected', rejected: { externalId, code, message, updatedAt } };
}
