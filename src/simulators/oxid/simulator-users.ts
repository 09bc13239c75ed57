/**
 * The connector's `users` call in the simulator: one stream of listed users (by their change time) and
 * tombstones (by their deletion time), ordered by (instant, OXID), filtered by `changedSince` (an ISO 8601
 * instant) and `emails` (OXUSERNAME, compared like MySQL's utf8_general_ci: case and accents ignored),
 * keyset-paged with the opaque `next` token, at most `limit` (1-1000) entries per page.
 */
import { parsePhpQuery } from '../../adapters/http/query-string.ts';
import type { OxidUsersResponse } from '../../adapters/oxid/oxid-types.ts';
import { keysetPage } from '../kit/keyset.ts';
import {
  changeTimeOf,
  isListed,
  type OxidStore,
  renderTombstone,
  renderUser,
  type StoredUser,
  type Tombstone,
} from './simulator-store.ts';

export class ConnectorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  body(): { error: string; message: string } {
    return { error: this.code, message: this.message };
  }
}

type Entry = { time: number; id: string } & ({ user: StoredUser } | { tombstone: Tombstone });

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_LIMIT = 1000;
const MAX_EMAILS = 100;

export function usersPage(
  store: OxidStore,
  query: URLSearchParams,
  context: { shopId: string; timeZone: string },
): OxidUsersResponse {
  const limit = Number(query.get('limit') ?? '100');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw badRequest(`limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  const since = sinceOf(query.get('changedSince'));
  const after = query.has('after') ? decodeToken(query.get('after') ?? '') : null;
  const emails = emailsOf(query);
  const ids = idsOf(query);

  let page: Entry[];
  if (emails || ids) {
    // By email (at most 100 addresses) or by id (at most a page): the listed users asked for, by filter and sort.
    const entries: Entry[] = [];
    // By id: only those users, by key; by email: every user (the e-mail has no index here).
    for (const user of ids ? store.usersOf(ids) : store.snapshot().users) {
      if (!isListed(user, context.shopId)) continue;
      if (emails && !emails.has(fold(user.columns.OXUSERNAME))) continue;
      if (ids && !ids.has(user.columns.OXID)) continue;
      entries.push({ time: changeTimeOf(user), id: user.columns.OXID, user });
    }
    page = keysetPage(entries, { since, after, limit });
  } else {
    page = store
      .streamPage({
        since,
        after,
        limit,
        where: ({ value }) =>
          'user' in value
            ? isListed(value.user, context.shopId)
            : value.tombstone.OXSHOPID === context.shopId,
      })
      .map(({ time, id, value }) => ({ time, id, ...value }));
  }
  const last = page.at(-1);
  return {
    timeZone: context.timeZone,
    users: page.flatMap((entry) => ('user' in entry ? [renderUser(entry.user, context.timeZone)] : [])),
    deleted: page.flatMap((entry) =>
      'tombstone' in entry ? [renderTombstone(entry.tombstone, context.timeZone)] : [],
    ),
    next: last ? encodeToken(last) : null,
  };
}

function sinceOf(value: string | null): number | null {
  if (value === null || value === '') return null;
  const time = Date.parse(value);
  if (!ISO_INSTANT.test(value) || Number.isNaN(time))
    throw badRequest(`changedSince "${value}" is not an ISO 8601 date-time with a time zone.`);
  return time;
}

function emailsOf(query: URLSearchParams): Set<string> | null {
  const value = parsePhpQuery(query).emails;
  if (value === undefined) return null;
  const list =
    typeof value === 'string' ? [value] : Object.values(value).filter((v) => typeof v === 'string');
  if (list.length > MAX_EMAILS) throw badRequest(`At most ${MAX_EMAILS} e-mail addresses per request.`);
  return new Set(list.map(fold));
}

/** `ids[]`: only the users of these OXIDs (exact), at most MAX_EMAILS per request. */
function idsOf(query: URLSearchParams): Set<string> | null {
  const value = parsePhpQuery(query).ids;
  if (value === undefined) return null;
  const list =
    typeof value === 'string' ? [value] : Object.values(value).filter((v) => typeof v === 'string');
  if (list.length > MAX_EMAILS) throw badRequest(`At most ${MAX_EMAILS} user ids per request.`);
  return new Set(list);
}

/** MySQL utf8_general_ci equality: case and accents do not count. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

function encodeToken(entry: { time: number; id: string }): string {
  return Buffer.from(JSON.stringify([entry.time / 1000, entry.id])).toString('base64url');
}

function decodeToken(token: string): { time: number; id: string } {
  try {
    const [seconds, id] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof seconds === 'number' && typeof id === 'string') return { time: seconds * 1000, id };
  } catch {
    // reported below
  }
  throw badRequest(`after "${token}" is not a token this connector issued.`);
}

function badRequest(message: string): ConnectorError {
  return new ConnectorError(400, 'bad_request', message);
}
