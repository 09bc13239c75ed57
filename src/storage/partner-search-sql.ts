/**
 * The WHERE of a partner search (partner-search-store.ts): only the conditions the search sets, each a
 * semi-join or a column test the planner can serve from an index, so that plans do not hinge on a filter it
 * cannot see through (a `$1 is null or ...` stays a per-row test). Text matches the lower-cased search columns
 * of migration 0005 by LIKE '%text%' with the LIKE characters escaped: the same matches as a substring test,
 * answered by the trigram indexes of migration 0019 once the text has three characters. Their matches are
 * gathered first (an array) and the partners fetched by id: a plan that reads only the matches, whatever the
 * planner's statistics (a semi-join may scan all partners to hash them against a few).
 */
import type { PartnerStatus, PartnerType } from '../domain/partner.ts';

export interface PartnerMatch {
  /** `from partner p where ...` (parameters $1 to $n). */
  sql: string;
  params: unknown[];
}

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
  /**
   * Keyset paging: only partners whose number sorts after this one in the order of the pages (`p.number >
   * after`, text in the column's collation, as `order by p.number` sorts: '1000000' before '100001'). The
   * `next` of a page; need not be a stored number. Not with offset.
   */
  after?: string;
  /** Default 50, at most 500. */
  limit?: number;
  offset?: number;
}

/** Deactivated or deleted: what the deleted filter looks for (index channel_link_deleted_partner_idx). */
const DELETED_LINK = '(not l.active or l.deleted_at is not null)';

export function partnerMatch(filter: Omit<PartnerSearch, 'limit' | 'offset'>): PartnerMatch {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  const q = filter.q?.trim().toLowerCase();
  if (q) {
    const pattern = param(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(
      q.length >= 3
        ? `p.id = any (array(select t.id from partner t where t.search_text like ${pattern}
             union all select a.partner_id from partner_address a where a.city_search like ${pattern}))`
        : `(p.search_text like ${pattern} or exists (
             select 1 from partner_address a where a.partner_id = p.id and a.city_search like ${pattern}))`,
    );
  }
  const channelId =
    filter.channel === undefined
      ? null
      : `(select c.id from sales_channel c where c.name = ${param(filter.channel)})`;
  if (channelId)
    where.push(
      `exists (select 1 from channel_link l where l.partner_id = p.id and l.channel_id = ${channelId})`,
    );
  if (filter.type !== undefined) where.push(`p.partner_type = ${param(filter.type)}`);
  if (filter.status !== undefined) where.push(`p.status = ${param(filter.status)}`);
  if (filter.deleted !== undefined) {
    const ofChannel = channelId ? ` and l.channel_id = ${channelId}` : '';
    where.push(
      `${filter.deleted === 'yes' ? '' : 'not '}exists (select 1 from channel_link l
         where l.partner_id = p.id and ${DELETED_LINK}${ofChannel})`,
    );
  }
  // The number index serves this as a range: a page far back costs what the first page costs.
  if (filter.after !== undefined) where.push(`p.number > ${param(filter.after)}`);
  if (filter.merged === 'only') where.push('p.merged_into is not null');
  else if (filter.merged !== 'include') where.push('p.merged_into is null');
  if (filter.run !== undefined)
    where.push(`p.id in (select h.partner_id from partner_history h where h.run_id = ${param(filter.run)})`);
  if (filter.job !== undefined) {
    const job = param(filter.job);
    where.push(`p.id in (select h.partner_id from partner_history h where h.run_id in (
      select r.import_run_id from batch_run r join batch_job j on j.id = r.job_id
      where (j.id::text = ${job} or j.name = ${job}) and r.import_run_id is not null))`);
  }
  return { sql: `from partner p${where.length ? ` where ${where.join('\n  and ')}` : ''}`, params };
}
