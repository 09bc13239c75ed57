/**
 * The OXID eShop adapter. OXID has no REST API for customers, so it reads the shop's own data through the
 * Kontor connector module (docs/protocols/oxid.md): users (oxuser with their oxaddress rows) and the
 * tombstones of deleted users in one stream ordered by change time, keyset-paged with the connector's
 * `next` token, and the country list that turns oxcountry ids into ISO codes. Date-times are in the shop's
 * time zone, which the connector reports. New partners from OXID are always Blocked. See docs/adapters/oxid.md.
 */
import { ConfigError } from '../../domain/errors.ts';
import type { Adapter, CustomerPage, DeletedCustomer, ReadRequest } from '../adapter.ts';
import type { ConnectedApi } from '../kit/connected-api.ts';
import { defineAdapter } from '../kit/define-adapter.ts';
import { drivePages } from '../kit/paging.ts';
import { mapRecords, rawField, withRawEmail } from '../map-results.ts';
import { text } from '../record-values.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { mapOxidUser, type OxidMapContext } from './map.ts';
import { createOxidApi, type OxidApi, type OxidHttpOptions } from './oxid-api.ts';
import type { OxidDeletedUser } from './oxid-types.ts';
import { OXID_PAGING, type OxidSettings, oxidSettings } from './settings.ts';
import { isTimeZone, shopTimeToIso } from './shop-time.ts';

export interface OxidAdapterOptions {
  /** HTTP client options (timeouts, retry policy; tests pass fast retries). */
  http?: OxidHttpOptions;
}

/** The connector takes at most this many e-mail addresses per request. */
export const MAX_EMAILS = 100;

type Connection = ConnectedApi<OxidApi, OxidSettings>;

/** Where the read stands: the connector's `next` token after the last page (null before the first page). */
interface TokenPosition {
  token: string | null;
}

export function createOxidAdapter(options: OxidAdapterOptions = {}): Adapter {
  return defineAdapter({
    kind: 'oxid',
    label: 'OXID eShop',
    capabilities: {
      changedSince: true,
      byEmail: true,
      deletions: 'tombstones',
      channelTypes: ['b2c', 'b2b', 'b2b-b2c'],
      guests: true,
      alwaysBlocked: true,
      pageSize: OXID_PAGING.defaultPageSize,
      requestsPerSecond: null,
    },
    settings: oxidSettings,
    connect: (url, settings): Connection => ({ api: createOxidApi(url, settings, options.http), settings }),

    async check({ api }, signal) {
      const info = await api.info(signal);
      checkTimeZone(info.timeZone, api.host);
      const noun = info.users === 1 ? 'user' : 'users';
      const shop = [info.shopName, `${info.edition} ${info.version}`.trim()].filter(Boolean).join(', ');
      return {
        ok: true,
        message:
          `Connected to ${api.host} (${shop}; shop ${info.shopId}; time zone ${info.timeZone}): ` +
          `${info.users.toLocaleString('en-US')} ${noun}.`,
        customerCount: info.users,
      };
    },

    readCustomers: readPages,
    readByIds,
  });
}

export const oxidAdapter: Adapter = createOxidAdapter();

async function* readPages({ api, settings }: Connection, request: ReadRequest): AsyncGenerator<CustomerPage> {
  const emails = request.emails === null ? null : emailList(request.emails);
  if (emails !== null && emails.length === 0) return;
  let countries: ReadonlyMap<string, string> | null = null;
  const pages = drivePages<TokenPosition, CustomerPage>({
    // Never null, so that the first page's token is checked too: every page must name the one after it.
    start: { token: request.cursor === null ? null : decodeCursor(request.cursor) },
    signal: request.signal,
    async fetch(after) {
      const page = await api.users(
        {
          changedSince: request.since?.toISOString(),
          emails: emails ?? undefined,
          after: after?.token ?? undefined,
          limit: settings.pageSize,
        },
        request.signal,
      );
      const entries = page.users.length + page.deleted.length;
      if (entries === 0) return null;
      checkTimeZone(page.timeZone, api.host);
      if (page.users.length > 0 && countries === null) countries = await countryIds(api, request.signal);
      const context: OxidMapContext = { timeZone: page.timeZone, countries: countries ?? new Map() };
      const { customers, rejected } = mapRecords(page.users, (raw) =>
        withRawEmail(mapOxidUser(raw, context), rawField(raw, 'OXUSERNAME')),
      );
      const deleted = page.deleted.flatMap((raw) => tombstone(raw, page.timeZone));
      return {
        items: { customers, rejected, deleted, cursor: page.next === null ? null : encodeCursor(page.next) },
        next: { token: page.next },
        last: entries < settings.pageSize,
      };
    },
    advanced: (previous, next) => next.token !== null && next.token !== previous.token,
    describe: (_previous, next) => `next: ${next.token ?? 'null'}`,
    stuckCode: 'OXID_PAGING_STUCK',
    stuckMessage: `${api.host}: the connector did not move past the last page.`,
  });
  for await (const { items } of pages) yield items;
}

/** Users per `ids[]` request (the connector takes at most 100). */
const MAX_IDS_PER_REQUEST = 100;

/** The users of these OXIDs (open records read again): the users call's `ids[]`, without tombstones. */
async function* readByIds(
  { api, settings }: Connection,
  externalIds: readonly string[],
  signal: AbortSignal | undefined,
): AsyncGenerator<CustomerPage> {
  const ids = [...new Set(externalIds.filter((id) => /^[A-Za-z0-9._-]{1,64}$/.test(id)))];
  const size = Math.min(settings.pageSize, MAX_IDS_PER_REQUEST);
  let countries: ReadonlyMap<string, string> | null = null;
  for (let start = 0; start < ids.length; start += size) {
    signal?.throwIfAborted();
    const batch = ids.slice(start, start + size);
    const page = await api.users({ ids: batch, limit: batch.length }, signal);
    checkTimeZone(page.timeZone, api.host);
    if (page.users.length > 0 && countries === null) countries = await countryIds(api, signal);
    const context: OxidMapContext = { timeZone: page.timeZone, countries: countries ?? new Map() };
    const { customers, rejected } = mapRecords(page.users, (raw) => mapOxidUser(raw, context));
    yield { customers, rejected, deleted: [], cursor: null };
  }
}

/** oxcountry OXID -> ISO alpha-2, from the connector's country list (all countries, active or not). */
async function countryIds(api: OxidApi, signal: AbortSignal | undefined): Promise<Map<string, string>> {
  const { countries } = await api.countries(signal);
  const map = new Map<string, string>();
  for (const country of countries) {
    const id = text(country?.OXID);
    if (id !== null) map.set(id, text(country.OXISOALPHA2) ?? '');
  }
  return map;
}

/** A tombstone as the contract has it; tombstones without id or readable deletion time are left out. */
function tombstone(raw: unknown, timeZone: string): DeletedCustomer[] {
  const row = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<OxidDeletedUser>;
  const externalId = text(row.OXID);
  const deletedText = text(row.OXDELETED);
  const deletedAt = deletedText === null ? null : shopTimeToIso(deletedText, timeZone);
  return externalId === null || deletedAt === null ? [] : [{ externalId, deletedAt }];
}

function checkTimeZone(timeZone: string, host: string): void {
  if (!isTimeZone(timeZone)) {
    throw new ConfigError(
      'OXID_TIME_ZONE_UNKNOWN',
      `${host}: the connector reports the time zone "${timeZone}", which is not an IANA time zone name (such as Europe/Berlin). Correct it in the connector module's settings.`,
    );
  }
}

/** Trimmed e-mails, each once (ignoring case); at most MAX_EMAILS. */
function emailList(emails: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of emails) {
    const email = raw.trim();
    if (email !== '' && !seen.has(email.toLowerCase())) seen.set(email.toLowerCase(), email);
  }
  if (seen.size > MAX_EMAILS) {
    throw new ConfigError(
      'OXID_TOO_MANY_EMAILS',
      `Too many e-mail addresses for one selection (${seen.size}; at most ${MAX_EMAILS}); select fewer or import by change date.`,
    );
  }
  return [...seen.values()];
}
