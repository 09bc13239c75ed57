/**
 * The Cloud channel's field mapping: which JSON path of an item gives which ChannelCustomer field. The
 * setting `mapping` is a JSON object whose keys replace those of DEFAULT_MAPPING (the Kontor cloud shape,
 * docs/protocols/cloud.md); null unmaps a field; "address" merges key by key. Checked strictly when a
 * channel is saved, with errors that name the bad key.
 */
import { SettingError } from '../../domain/errors.ts';
import { isRecord } from '../record-values.ts';
import { type JsonPath, parsePath } from './json-path.ts';

/** Fields with one value. */
const SCALAR_FIELDS = [
  'externalId',
  'email',
  'firstName',
  'lastName',
  'company',
  'taxId',
  'createdAt',
  'updatedAt',
] as const;
/** Fields with a list of values (each path may give one value or a list). */
const LIST_FIELDS = ['phones', 'websites'] as const;
const ADDRESS_TEXT_FIELDS = ['postalCode', 'city', 'country', 'region'] as const;
const ADDRESS_FLAGS = ['defaultBilling', 'defaultShipping'] as const;
const TOP_KEYS = [...SCALAR_FIELDS, ...LIST_FIELDS, 'guest', 'addresses', 'address'] as const;
const ADDRESS_KEYS = ['street', ...ADDRESS_TEXT_FIELDS, ...ADDRESS_FLAGS] as const;

type ScalarField = (typeof SCALAR_FIELDS)[number];
type ListField = (typeof LIST_FIELDS)[number];

export interface AddressMapping {
  /** Street lines, joined with ", ". */
  street: JsonPath[];
  postalCode: JsonPath | null;
  city: JsonPath | null;
  country: JsonPath | null;
  region: JsonPath | null;
  defaultBilling: JsonPath | null;
  defaultShipping: JsonPath | null;
}

export type CloudMapping = Record<ScalarField, JsonPath | null> &
  Record<ListField, JsonPath[]> & {
    externalId: JsonPath;
    updatedAt: JsonPath;
    guest: JsonPath | null;
    /** The list of addresses in an item; null = the channel delivers none. */
    addresses: JsonPath | null;
    address: AddressMapping;
  };

/** The Kontor cloud shape (docs/protocols/cloud.md). */
export const DEFAULT_MAPPING_JSON = {
  externalId: 'id',
  email: 'email',
  firstName: 'firstName',
  lastName: 'lastName',
  company: 'company.name',
  taxId: 'company.vatId',
  phones: ['phones'],
  websites: ['website'],
  guest: 'guest',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  addresses: 'addresses',
  address: {
    street: ['street', 'street2'],
    postalCode: 'postalCode',
    city: 'city',
    country: 'country',
    region: 'region',
    defaultBilling: 'defaultBilling',
    defaultShipping: 'defaultShipping',
  },
} as const;

/** Reads the `mapping` setting ('' = the default mapping). */
export function readMapping(text: string): CloudMapping {
  let custom: unknown = {};
  if (text.trim() !== '') {
    try {
      custom = JSON.parse(text);
    } catch (error) {
      throw invalid(`it is not JSON (${error instanceof Error ? error.message : 'syntax error'})`);
    }
  }
  if (!isRecord(custom)) throw invalid('it must be a JSON object of field: path');
  checkKeys(custom, TOP_KEYS, 'mapping');
  const customAddress = custom.address ?? {};
  if (!isRecord(customAddress)) throw invalid('mapping.address must be an object of address field: path');
  checkKeys(customAddress, ADDRESS_KEYS, 'mapping.address');
  const merged: Record<string, unknown> = { ...DEFAULT_MAPPING_JSON, ...custom };
  const address: Record<string, unknown> = { ...DEFAULT_MAPPING_JSON.address, ...customAddress };

  const mapping = {
    guest: onePath(merged.guest, 'mapping.guest', true),
    addresses: onePath(merged.addresses, 'mapping.addresses', false),
    address: {
      street: paths(address.street, 'mapping.address.street'),
      defaultBilling: onePath(address.defaultBilling, 'mapping.address.defaultBilling', true),
      defaultShipping: onePath(address.defaultShipping, 'mapping.address.defaultShipping', true),
    },
  } as Record<string, unknown> & { address: Record<string, unknown> };
  for (const field of SCALAR_FIELDS) mapping[field] = onePath(merged[field], `mapping.${field}`, false);
  for (const field of LIST_FIELDS) mapping[field] = paths(merged[field], `mapping.${field}`);
  for (const field of ADDRESS_TEXT_FIELDS)
    mapping.address[field] = onePath(address[field], `mapping.address.${field}`, false);
  for (const field of ['externalId', 'updatedAt'] as const) {
    if (mapping[field] === null)
      throw invalid(`mapping.${field} is required: every item needs an id and a change time`);
  }
  return mapping as unknown as CloudMapping;
}

function onePath(value: unknown, name: string, comparison: boolean): JsonPath | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string')
    throw invalid(`${name} must be a path (text) or null, not ${JSON.stringify(value)}`);
  const path = parsePath(value, { comparison });
  if (typeof path === 'string') throw invalid(`${name} is "${value}": ${path}`);
  return path;
}

/** One path or a list of paths. */
function paths(value: unknown, name: string): JsonPath[] {
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, index) => {
    const itemName = Array.isArray(value) ? `${name}[${index}]` : name;
    if (typeof item !== 'string')
      throw invalid(`${itemName} must be a path (text), not ${JSON.stringify(item)}`);
    return onePath(item, itemName, false) as JsonPath;
  });
}

function checkKeys(object: Record<string, unknown>, allowed: readonly string[], name: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key))
      throw invalid(`${name} has no field "${key}" (fields: ${allowed.join(', ')})`);
  }
}

function invalid(reason: string): SettingError {
  return new SettingError(
    'SETTING_INVALID',
    'mapping',
    `The Cloud setting Field mapping ("mapping") is not valid: ${reason}.`,
  );
}
