/**
 * Maps one item of a Cloud channel's API to a ChannelCustomer through the channel's mapping, or to a
 * RejectedRecord with a stable code when it is unusable:
 *   INVALID_RECORD  not an object, or its addresses not of their shape: a value at the addresses path that is
 *                   neither a list nor an address, an address that is not an object, a mapped address field
 *                   that is not text (never taken as "no address", which would remove the addresses stored
 *                   for the partner; nothing at the path is no address)
 *   MISSING_ID      nothing at the externalId path
 *   INVALID_DATE    nothing readable at the updatedAt path
 *   INVALID_EMAIL   an e-mail that is not an e-mail address
 * A country that is not an ISO code is delivered as it is (the import warns about it).
 */
import type { ChannelAddress } from '../../domain/channel-customer.ts';
import { isCountryCode } from '../../domain/countries.ts';
import { addressProblem } from '../address-shape.ts';
import { type MapResult, reject } from '../map-results.ts';
import { distinctPhones, distinctTexts, isEmail, isRecord, text } from '../record-values.ts';
import { readInstant } from './dates.ts';
import type { JsonPath } from './json-path.ts';
import { resolvePath } from './json-path.ts';
import type { AddressMapping, CloudMapping } from './mapping.ts';

export type CloudMapResult = MapResult;

export function mapCloudItem(raw: unknown, mapping: CloudMapping): CloudMapResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return reject(null, 'INVALID_RECORD', 'The API sent an item that is not an object.', null);
  const first = (path: JsonPath | null) => (path === null ? undefined : resolvePath(raw, path)[0]);
  const updatedAt = readInstant(first(mapping.updatedAt));
  const externalId = text(first(mapping.externalId));
  if (externalId === null)
    return reject(
      null,
      'MISSING_ID',
      `The API sent an item without a value at "${mapping.externalId.text}".`,
      updatedAt,
    );
  if (updatedAt === null) {
    const value = first(mapping.updatedAt);
    return reject(
      externalId,
      'INVALID_DATE',
      `Customer ${externalId}: "${mapping.updatedAt.text}" is ${value === undefined ? 'missing' : `"${String(value)}", not a date and time`}.`,
      null,
    );
  }
  const email = text(first(mapping.email));
  if (email !== null && !isEmail(email))
    return reject(
      externalId,
      'INVALID_EMAIL',
      `Customer ${externalId}: "${email}" is not a valid e-mail address.`,
      updatedAt,
    );

  const listOf = (paths: JsonPath[]) => paths.flatMap((path) => resolvePath(raw, path).flat());
  const addresses = addressItems(raw, mapping);
  if (typeof addresses === 'string')
    return reject(externalId, 'INVALID_RECORD', `Customer ${externalId}: ${addresses}.`, updatedAt);
  return {
    ok: true,
    customer: {
      externalId,
      email,
      firstName: text(first(mapping.firstName)),
      lastName: text(first(mapping.lastName)),
      company: text(first(mapping.company)),
      taxId: text(first(mapping.taxId)),
      phones: distinctPhones(listOf(mapping.phones)),
      websites: distinctTexts(listOf(mapping.websites)),
      addresses: mapAddresses(addresses, mapping.address),
      contacts: [],
      salesTaxClassification: null,
      salesRepresentative: null,
      guest: flag(raw, mapping.guest),
      createdAt: readInstant(first(mapping.createdAt)),
      updatedAt,
    },
  };
}

/**
 * The addresses of an item: the items of the lists (or the addresses) at the addresses path; or what is
 * wrong with them, named by the path and the mapping's field.
 */
function addressItems(raw: object, mapping: CloudMapping): Record<string, unknown>[] | string {
  if (mapping.addresses === null) return [];
  const key = mapping.addresses.text;
  const values = resolvePath(raw, mapping.addresses);
  if (values.some((value) => !Array.isArray(value) && !isRecord(value))) return `"${key}" is not a list`;
  const items = values.flat();
  for (const [index, item] of items.entries()) {
    const name = `address ${index + 1} of "${key}"`;
    if (!isRecord(item)) return `${name} is not an object`;
    const problem = addressProblem(readAddressFields(item, mapping.address), name, {
      texts: ADDRESS_TEXTS,
      lines: ['street'],
    });
    if (problem !== null) return problem;
  }
  return items as Record<string, unknown>[];
}

const ADDRESS_TEXTS = ['postalCode', 'city', 'country', 'region'] as const;

/** The values the mapping reads from an address, by the mapping's names: every street line, the first of the others. */
function readAddressFields(item: Record<string, unknown>, mapping: AddressMapping): Record<string, unknown> {
  const read: Record<string, unknown> = { street: mapping.street.flatMap((path) => resolvePath(item, path)) };
  for (const field of ADDRESS_TEXTS) {
    const path = mapping[field];
    read[field] = path === null ? null : resolvePath(item, path)[0];
  }
  return read;
}

/** Without default flags in the mapping, the first address is the default billing and shipping address. */
function mapAddresses(items: Record<string, unknown>[], mapping: AddressMapping): ChannelAddress[] {
  return items.map((item, index) => {
    const value = (path: JsonPath | null) => (path === null ? null : text(resolvePath(item, path)[0]));
    const street = mapping.street
      .flatMap((path) => resolvePath(item, path).map(text))
      .filter((line) => line !== null);
    const country = value(mapping.country);
    return {
      street: street.length === 0 ? null : street.join(', '),
      postalCode: value(mapping.postalCode),
      city: value(mapping.city),
      country: country !== null && isCountryCode(country.toUpperCase()) ? country.toUpperCase() : country,
      region: value(mapping.region),
      defaultBilling: mapping.defaultBilling === null ? index === 0 : flag(item, mapping.defaultBilling),
      defaultShipping: mapping.defaultShipping === null ? index === 0 : flag(item, mapping.defaultShipping),
    };
  });
}

/** true, 1, "1", "true", "yes" -> true; with "path=value": the value equals (ignoring case). */
function flag(item: unknown, path: JsonPath | null): boolean {
  if (path === null) return false;
  const value = resolvePath(item, path)[0];
  if (path.equals !== null)
    return value !== undefined && String(value).trim().toLowerCase() === path.equals.trim().toLowerCase();
  return (
    value === true ||
    value === 1 ||
    (typeof value === 'string' && ['1', 'true', 'yes'].includes(value.trim().toLowerCase()))
  );
}
