/**
 * The Sales channel partners cockpit's search: partners filtered by text, channel, type, status and deleted
 * links, ordered by number, a page at a time with the total. One WHERE for the count and the page; the
 * subqueries are uncorrelated (hashed once per query), so a search stays one pass over the partner master.
 */
import { InvalidInputError } from '../domain/errors.ts';
import type { Partner, PartnerStatus, PartnerType } from '../domain/partner.ts';
import type { Queryable } from './db.ts';
import { type PartnerRow, withDetails } from './partner-read-store.ts';
import { num } from './sql-values.ts';

export interface PartnerSearch {
  /** Case-insensitive substring of number, name, e-mail, company, tax id or any address's city. */
  q?: string;
  /** Only partners linked to this sales channel (by name). */
  channel?: string;
  type?: PartnerType;
  status?: PartnerStatus;
  /** yes: partners with a deactivated (deleted) link, of `channel` if given; no: partners without one. */
  deleted?: 'yes' | 'no';
  /** Merged partners are left out unless asked: include them, or only them. */
  merged?: 'include' | 'only';
  /** Only partners that this import run created or changed (their history names it). */
  run?: number;
  /** Only partners that a run of this batch job (id or name) created or changed. */
  job?: string;
  /** Default 50, at most 500. */
  limit?: number;
  offset?: number;
}

export const PARTNER_SEARCH_LIMIT = { default: 50, max: 500 } as const;

// $1 text (lower case), $2 channel name, $3 type, $4 status, $5 deleted (yes/no), $6 merged (include/only),
// $7 import run id, $8 batch job (id or name)
// search_text and city_search: lower-cased by generated columns (migration 0005).
const MATCHING = `from partner p
  where ($1::text is null or strpos(p.search_text, $1) > 0
      or p.id in (select a.partner_id from partner_address a where strpos(a.city_search, $1) > 0))
    and ($2::text is null or p.id in (
      select l.partner_id from channel_link l join sales_channel c on c.id = l.channel_id where c.name = $2))
    and ($3::text is null or p.partner_type = $3)
    and ($4::text is null or p.status = $4)
    and ($5::text is null or ($5 = 'yes') = (p.id in (
      select l.partner_id from channel_link l join sales_channel c on c.id = l.channel_id
      where (not l.active or l.deleted_at is not null) and ($2::text is null or c.name = $2))))
    and (case $6::text when 'include' then true when 'only' then p.merged_into is not null
      else p.merged_into is null end)
    and ($7::bigint is null or p.id in (select h.partner_id from partner_history h where h.run_id = $7))
    and ($8::text is null or p.id in (select h.partner_id from partner_history h where h.run_id in (
      select r.import_run_id from batch_run r join batch_job j on j.id = r.job_id
      where (j.id::text = $8 or j.name = $8) and r.import_run_id is not null)))`;

export async function searchPartners(
  db: Queryable,
  filter: PartnerSearch,
): Promise<{ total: number; items: Partner[] }> {
  assertSearch(filter);
  const params = matchParams(filter);
  const limit = filter.limit ?? PARTNER_SEARCH_LIMIT.default;
  const [count, page] = await Promise.all([
    db.query<{ total: unknown }>(`select count(*) as total ${MATCHING}`, params),
    db.query<PartnerRow>(`select p.* ${MATCHING} order by p.number limit $9 offset $10`, [
      ...params,
      limit,
      filter.offset ?? 0,
    ]),
  ]);
  return { total: num(count.rows[0]?.total ?? 0), items: await withDetails(db, page.rows) };
}

/** Every partner that matches, ordered by number (`kontor partners list` with search options). */
export async function listMatchingPartners(
  db: Queryable,
  filter: Omit<PartnerSearch, 'limit' | 'offset'>,
): Promise<Partner[]> {
  assertSearch(filter);
  const rows = await db.query<PartnerRow>(`select p.* ${MATCHING} order by p.number`, matchParams(filter));
  return await withDetails(db, rows.rows);
}

function matchParams(filter: PartnerSearch): unknown[] {
  const q = filter.q?.trim().toLowerCase() || null;
  return [
    q,
    filter.channel ?? null,
    filter.type ?? null,
    filter.status ?? null,
    filter.deleted ?? null,
    filter.merged ?? null,
    filter.run ?? null,
    filter.job ?? null,
  ];
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
}
