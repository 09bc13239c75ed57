/**
 * The Sales channel partners cockpit's search: partners filtered by text, channel, type, status and deleted
 * links, ordered by number, a page at a time with the total. The WHERE holds only the conditions the search
 * sets (so each becomes a join the planner can serve from an index: the trigram indexes of migration 0019 for
 * text, number order for pages). One ordered walk gives the page and the total: it reads the page and up to
 * COUNT_AHEAD matches after it, so no search counts a million partners for a page (docs/performance.md
 * "Partner search"); past that the total is a lower bound (totalExact false: "more than"). Pages by offset
 * (the first pages a user clicks) or by keyset: `after` a partner number, the page's `next`, which the number
 * index serves as a range (an offset walks the index up to it); with `after` the total counts from there.
 */
import { InvalidInputError } from '../domain/errors.ts';
import type { Partner } from '../domain/partner.ts';
import type { Queryable } from './db.ts';
import { type PartnerRow, withDetails } from './partner-read-store.ts';
import { type PartnerSearch, partnerMatch } from './partner-search-sql.ts';

export type { PartnerSearch } from './partner-search-sql.ts';

import { num } from './sql-values.ts';

export interface PartnerSearchPage {
  /**
   * How many partners match; with `after`, how many match after it (this page and those behind it). When
   * totalExact is false, more than this many do.
   */
  total: number;
  /** false: the search counted no further than COUNT_AHEAD partners past the page. */
  totalExact: boolean;
  items: Partner[];
  /** The next page's `after`: the number of this page's last partner when more match, else null. */
  next: string | null;
}

export const PARTNER_SEARCH_LIMIT = { default: 50, max: 500 } as const;

/** The longest partner number (a pseudo partner's, channel-input.ts): the longest `after`. */
export const PARTNER_NUMBER_MAX_LENGTH = 40;

/** How many matches past the page a search counts before it says "more than". */
export const COUNT_AHEAD = 1000;

export async function searchPartners(db: Queryable, filter: PartnerSearch): Promise<PartnerSearchPage> {
  assertSearch(filter);
  const { sql, params } = partnerMatch(filter);
  const limit = filter.limit ?? PARTNER_SEARCH_LIMIT.default;
  const offset = filter.offset ?? 0;
  const n = params.length;
  const walk = await db.query<{ id: unknown; number: string }>(
    `select p.id, p.number ${sql} order by p.number limit $${n + 1} offset $${n + 2}`,
    [...params, limit + COUNT_AHEAD + 1, offset],
  );
  const ids = walk.rows.map((row) => row.id);
  const page = ids.slice(0, limit);
  const items = page.length
    ? await withDetails(
        db,
        (await db.query<PartnerRow>('select * from partner where id = any($1) order by number', [page])).rows,
      )
    : [];
  const next = ids.length > limit ? (walk.rows[limit - 1]?.number ?? null) : null;
  if (ids.length > limit + COUNT_AHEAD)
    return { total: offset + limit + COUNT_AHEAD, totalExact: false, items, next };
  if (ids.length > 0 || offset === 0) return { total: offset + ids.length, totalExact: true, items, next };
  // Past the last match: count up to the offset and COUNT_AHEAD further.
  const counted = await db.query<{ total: unknown }>(
    `select count(*) as total from (select 1 ${sql} limit $${n + 1}) m`,
    [...params, offset + COUNT_AHEAD + 1],
  );
  const total = num(counted.rows[0]?.total ?? 0);
  return total > offset + COUNT_AHEAD
    ? { total: offset + COUNT_AHEAD, totalExact: false, items, next }
    : { total, totalExact: true, items, next };
}

/** Every partner that matches, ordered by number (`kontor partners list` with search options). */
export async function listMatchingPartners(
  db: Queryable,
  filter: Omit<PartnerSearch, 'limit' | 'offset' | 'after'>,
): Promise<Partner[]> {
  assertSearch(filter);
  const { sql, params } = partnerMatch(filter);
  const rows = await db.query<PartnerRow>(`select p.* ${sql} order by p.number`, params);
  return await withDetails(db, rows.rows);
}

/** Refuses a search the SQL would misread, naming the field. */
function assertSearch(filter: PartnerSearch): void {
  const oneOf = (field: keyof PartnerSearch, allowed: readonly string[]) => {
    const value = filter[field];
    if (value !== undefined && !allowed.includes(String(value)))
      throw new InvalidInputError(`${field} "${value}" is not one of: ${allowed.join(', ')}.`, { field });
  };
  oneOf('type', ['B2B', 'B2C']);
  oneOf('status', ['Blocked', 'Released']);
  oneOf('deleted', ['yes', 'no']);
  oneOf('merged', ['include', 'only']);
  if (filter.run !== undefined && (!Number.isSafeInteger(filter.run) || filter.run < 1))
    throw new InvalidInputError('The run must be an import run id (a whole number, 1 or more).', {
      field: 'run',
    });
  const { limit, offset } = filter;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > PARTNER_SEARCH_LIMIT.max))
    throw new InvalidInputError(`The limit must be a whole number from 1 to ${PARTNER_SEARCH_LIMIT.max}.`, {
      field: 'limit',
    });
  if (offset !== undefined && (!Number.isInteger(offset) || offset < 0))
    throw new InvalidInputError('The offset must be a whole number, 0 or more.', { field: 'offset' });
  const { after } = filter;
  if (after === undefined) return;
  if (typeof after !== 'string' || after === '' || after.length > PARTNER_NUMBER_MAX_LENGTH)
    throw new InvalidInputError(
      `after must be a partner number: text of 1 to ${PARTNER_NUMBER_MAX_LENGTH} characters.`,
      { field: 'after' },
    );
  if (offset !== undefined)
    throw new InvalidInputError(
      'offset cannot be combined with after: page by offset from the first match, or by after from a partner number.',
      { field: 'offset' },
    );
}
