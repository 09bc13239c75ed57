/**
 * The two API shapes the cloud simulator serves, so that tests prove the mapping and paging settings:
 * - kontor: the Kontor cloud shape (docs/protocols/cloud.md): GET /api/v1/customers, bearer token,
 *   keyset cursor (nextCursor, and a next link), updatedSince in ISO 8601, camelCase fields.
 * - legacy: an older shop API: GET /rest/customers, API key in X-Auth-Token, page numbers
 *   (page/per_page, or offset), modified_since in unix seconds, sorted by id unless sort=modified,
 *   snake_case fields, nested org/contact objects, address kinds, unix change times.
 */
import type { SamplePerson } from '../sample-data/people.ts';
import type { Prng } from '../sample-data/prng.ts';
import type { CloudItems, ItemStamp, StoredItem } from './simulator-store.ts';

export type CloudFlavourName = 'kontor' | 'legacy';

export interface ListAnswer {
  status: number;
  body: unknown;
}

export interface CloudFlavour extends ItemStamp {
  name: CloudFlavourName;
  /** The path of the customer list. */
  path: string;
  fromPerson(person: SamplePerson, rng: Prng, guest: boolean): Record<string, unknown>;
  /** Breaks an item the way the adapter must reject ('email', 'date') or warn about ('country'). */
  breakItem(raw: Record<string, unknown>, kind: 'email' | 'date' | 'country'): void;
  authorized(headers: Record<string, string | string[] | undefined>, token: string): boolean;
  list(items: CloudItems, params: URLSearchParams): ListAnswer;
  error(status: number, message: string): unknown;
  /** The channel settings that read this flavour (besides the URL). */
  channelSettings(token: string): Record<string, string>;
}

class BadRequest extends Error {}

function firstAddress(raw: Record<string, unknown>): Record<string, unknown> | undefined {
  return Array.isArray(raw.addresses) ? (raw.addresses[0] as Record<string, unknown> | undefined) : undefined;
}

export function listOrError(flavour: CloudFlavour, items: CloudItems, params: URLSearchParams): ListAnswer {
  try {
    return flavour.list(items, params);
  } catch (error) {
    if (error instanceof BadRequest) return { status: 400, body: flavour.error(400, error.message) };
    throw error;
  }
}

function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const text = params.get(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new BadRequest(`${name} must be a whole number from ${min} to ${max}.`);
  return value;
}

const kontor: CloudFlavour = {
  name: 'kontor',
  path: '/api/v1/customers',
  idOf: (raw) => String(raw.id),
  stamp(raw, date) {
    raw.updatedAt = date.toISOString();
    return date.getTime();
  },
  fromPerson(person, rng, guest) {
    return {
      id: `c-${String(person.index).padStart(5, '0')}`,
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      company:
        person.company === null
          ? null
          : { name: person.company, vatId: rng.chance(0.85) ? person.vatId : null },
      phones: [person.phone, ...(person.mobile ? [person.mobile] : [])],
      website: person.website,
      guest,
      addresses: person.addresses.map((address, index) => ({
        street: address.street[0],
        street2: address.street[1] ?? null,
        postalCode: address.postalCode,
        city: address.city,
        country: address.country,
        region: address.region?.name ?? null,
        defaultBilling: index === person.defaultBilling,
        defaultShipping: index === person.defaultShipping,
      })),
      createdAt: person.createdAt.toISOString(),
      updatedAt: person.updatedAt.toISOString(),
    };
  },
  breakItem(raw, kind) {
    if (kind === 'email') raw.email = String(raw.email).replace('@', '(at)');
    else if (kind === 'date') raw.updatedAt = 'yesterday';
    else if (firstAddress(raw)) (firstAddress(raw) as Record<string, unknown>).country = 'UK';
    else raw.email = `${raw.email}.`;
  },
  authorized: (headers, token) => headers.authorization === `Bearer ${token}`,
  list(items, params) {
    const limit = intParam(params, 'limit', 50, 1, 500);
    const sinceText = params.get('updatedSince');
    const since = sinceText === null ? null : Date.parse(sinceText);
    if (since !== null && (Number.isNaN(since) || !/(Z|[+-]\d{2}:\d{2})$/.test(sinceText as string)))
      throw new BadRequest('updatedSince must be an ISO 8601 date-time with a zone.');
    const cursorText = params.get('cursor');
    let after: { at: number; id: string } | null = null;
    if (cursorText !== null) {
      try {
        const decoded = JSON.parse(Buffer.from(cursorText, 'base64url').toString('utf8')) as {
          at: number;
          id: string;
        };
        if (typeof decoded.at !== 'number' || typeof decoded.id !== 'string') throw new Error('shape');
        after = decoded;
      } catch {
        throw new BadRequest('cursor is not a cursor of this API.');
      }
    }
    const selected = items.changes({ since, after, offset: 0, limit: limit + 1 }).items;
    const page = selected.slice(0, limit);
    const last = page.at(-1);
    const nextCursor =
      selected.length > limit && last
        ? Buffer.from(JSON.stringify({ at: last.at, id: last.id })).toString('base64url')
        : null;
    const next =
      nextCursor === null
        ? null
        : `/api/v1/customers?${new URLSearchParams({ ...(sinceText === null ? {} : { updatedSince: sinceText }), limit: String(limit), cursor: nextCursor })}`;
    return { status: 200, body: { items: page.map((item) => item.raw), nextCursor, next } };
  },
  error: (status, message) => ({
    error: status === 401 ? 'unauthorized' : status === 404 ? 'not_found' : 'bad_request',
    message,
  }),
  channelSettings: (token) => ({ token }),
};

const legacy: CloudFlavour = {
  name: 'legacy',
  path: '/rest/customers',
  idOf: (raw) => String(raw.customer_no),
  stamp(raw, date) {
    const seconds = Math.floor(date.getTime() / 1000);
    raw.modified = seconds;
    return seconds * 1000;
  },
  fromPerson(person, rng, guest) {
    const kinds = person.addresses.map((_, index) =>
      index === person.defaultBilling ? 'billing' : index === person.defaultShipping ? 'shipping' : 'other',
    );
    return {
      customer_no: 10_000 + person.index,
      mail: person.email,
      first_name: person.firstName,
      last_name: person.lastName,
      ...(person.company === null ? {} : { org: { name: person.company, tax_number: person.vatId ?? '' } }),
      contact: {
        phone_numbers: [
          { kind: 'landline', number: person.phone },
          ...(person.mobile ? [{ kind: 'mobile', number: person.mobile }] : []),
          ...(rng.chance(0.2) ? [{ kind: 'landline', number: person.phone.replace(/ /g, '') }] : []),
        ],
        homepage: person.website ?? '',
      },
      account_type: guest ? 'guest' : 'registered',
      addresses: person.addresses.map((address, index) => ({
        line1: address.street[0],
        line2: address.street[1] ?? '',
        zip: address.postalCode,
        town: address.city,
        country_code: address.country.toLowerCase(),
        state: address.region?.code ?? '',
        kind: kinds[index],
        // One address is both: billing wins the kind; the flag says shipping too.
        ships_here: index === person.defaultShipping ? 1 : 0,
      })),
      created: person.createdAt.toISOString().slice(0, 19).replace('T', ' '),
      modified: Math.floor(person.updatedAt.getTime() / 1000),
    };
  },
  breakItem(raw, kind) {
    if (kind === 'email') raw.mail = String(raw.mail).replace('@', ' at ');
    else if (kind === 'date') raw.modified = 0;
    else if (firstAddress(raw)) (firstAddress(raw) as Record<string, unknown>).country_code = 'el';
    else raw.mail = '@';
  },
  authorized: (headers, token) => headers['x-auth-token'] === token,
  list(items, params) {
    const perPage = intParam(params, 'per_page', 25, 1, 100);
    const offset = params.has('offset')
      ? intParam(params, 'offset', 0, 0, 1e9)
      : (intParam(params, 'page', 1, 1, 1e9) - 1) * perPage;
    const since = params.has('modified_since') ? intParam(params, 'modified_since', 0, 0, 1e11) * 1000 : null;
    const sort = params.get('sort');
    if (sort !== null && sort !== 'modified' && sort !== 'customer_no')
      throw new BadRequest(`Unknown sort field ${sort}.`);
    // By change time from the sorted index; by customer number (the default) a pass over the id order.
    const { items: data, total } =
      sort === 'modified'
        ? items.changes({ since, after: null, offset, limit: perPage })
        : byNumber(items, since, offset, perPage);
    return {
      status: 200,
      body: {
        data: { customers: data.map((item) => item.raw) },
        meta: { page: Math.floor(offset / perPage) + 1, per_page: perPage, total },
      },
    };
  },
  error: (_status, message) => ({ status: 'error', error: message }),
  channelSettings: (token) => ({
    auth: 'api-key',
    apiKeyHeader: 'X-Auth-Token',
    token,
    customersPath: '/rest/customers',
    itemsPath: 'data.customers',
    paging: 'page',
    pageParam: 'page',
    sizeParam: 'per_page',
    pageSize: '25',
    changedSinceParam: 'modified_since',
    changedSinceFormat: 'unix',
    extraQuery: 'sort=modified',
    mapping: JSON.stringify(LEGACY_MAPPING),
  }),
};

/** The mapping a channel on the legacy flavour uses (docs/adapters/cloud.md shows it). */
export const LEGACY_MAPPING = {
  externalId: 'customer_no',
  email: 'mail',
  firstName: 'first_name',
  lastName: 'last_name',
  company: 'org.name',
  taxId: 'org.tax_number',
  phones: ['contact.phone_numbers[].number'],
  websites: 'contact.homepage',
  guest: 'account_type=guest',
  createdAt: 'created',
  updatedAt: 'modified',
  addresses: 'addresses',
  address: {
    street: ['line1', 'line2'],
    postalCode: 'zip',
    city: 'town',
    country: 'country_code',
    region: 'state',
    defaultBilling: 'kind=billing',
    defaultShipping: 'ships_here',
  },
};

export const CLOUD_FLAVOURS: Readonly<Record<CloudFlavourName, CloudFlavour>> = { kontor, legacy };

/** Items by customer number (as numbers), changed at or after `since`, a page of them and how many there are. */
function byNumber(
  items: CloudItems,
  since: number | null,
  offset: number,
  perPage: number,
): { items: StoredItem[]; total: number } {
  const ordered = items.byId(); // customer numbers: numeric ids, in numeric order
  const selected = since === null ? ordered : ordered.filter((item) => item.at >= since);
  return { items: selected.slice(offset, offset + perPage), total: selected.length };
}
