/**
 * SQL of matching (docs/import-rules.md "Matching"): the normalised keys kept beside every partner, and the
 * look-up of the partners that have any key of a page's records.
 */
import { type MatchKeys, matchKeys } from '../domain/match-keys.ts';
import type { MatchRule } from '../domain/match-rules.ts';
import type { MatchCandidate } from '../domain/page-plan.ts';
import type { PartnerType } from '../domain/partner.ts';
import type { Queryable } from './db.ts';
import { num } from './sql-values.ts';

/** The key columns of a partner as written with its data (partner-write-store.ts). */
export function matchColumns(keys: MatchKeys) {
  return { match_tax_id: keys.taxId, match_email: keys.email, match_phones: keys.phones };
}

/**
 * One statement for all keys of a page: each (rule, key) looked up in the index of its column (one look-up per
 * key, so no plan depends on the tables' statistics), with whether the channel links the partner already.
 */
export async function findMatchCandidates(
  db: Queryable,
  channelId: number,
  keys: ReadonlyArray<{ rule: MatchRule; key: string }>,
): Promise<MatchCandidate[]> {
  if (keys.length === 0) return [];
  const unique = [...new Map(keys.map((item) => [`${item.rule}\u0000${item.key}`, item])).values()];
  const result = await db.query<{
    rule: MatchRule;
    key: string;
    id: unknown;
    number: string;
    partner_type: PartnerType;
    in_channel: boolean;
  }>(
    `select k.rule, k.key, p.id, p.number, p.partner_type,
       exists (select 1 from channel_link l where l.partner_id = p.id and l.channel_id = $1) as in_channel
     from unnest($2::text[], $3::text[]) as k(rule, key)
     cross join lateral (
       select p.id, p.number, p.partner_type from partner p
         where k.rule = 'tax-id' and p.match_tax_id = k.key and p.merged_into is null offset 0) p
     union all
     select k.rule, k.key, p.id, p.number, p.partner_type,
       exists (select 1 from channel_link l where l.partner_id = p.id and l.channel_id = $1)
     from unnest($2::text[], $3::text[]) as k(rule, key)
     cross join lateral (
       select p.id, p.number, p.partner_type from partner p
         where k.rule = 'email' and p.match_email = k.key and p.merged_into is null offset 0) p
     union all
     select k.rule, k.key, p.id, p.number, p.partner_type,
       exists (select 1 from channel_link l where l.partner_id = p.id and l.channel_id = $1)
     from unnest($2::text[], $3::text[]) as k(rule, key)
     cross join lateral (
       select p.id, p.number, p.partner_type from partner p
         where k.rule = 'phone' and p.match_phones @> array[k.key] and p.merged_into is null offset 0) p
     order by 3`,
    [channelId, unique.map((item) => item.rule), unique.map((item) => item.key)],
  );
  return result.rows.map((row) => ({
    rule: row.rule,
    key: row.key,
    partnerId: num(row.id),
    number: row.number,
    type: row.partner_type,
    inChannel: row.in_channel,
  }));
}

const BATCH = 1_000;

/**
 * Computes the keys of partners that have none yet (written before matching existed, or by hand in the ERP),
 * a batch at a time; nothing to do costs one look-up in a partial index. Returns how many were keyed.
 */
export async function keyUnkeyedPartners(db: Queryable): Promise<number> {
  let keyed = 0;
  for (;;) {
    const result = await db.query<{
      id: unknown;
      email: string | null;
      tax_id: string | null;
      phones: string[];
      addresses: Array<{ country: string | null; defaultBilling: boolean }> | string;
    }>(
      `select p.id, p.email, p.tax_id, p.phones,
         coalesce((select json_agg(json_build_object('country', a.country, 'defaultBilling', a.default_billing)
                     order by a.position)
                   from partner_address a where a.partner_id = p.id), '[]'::json) as addresses
       from partner p where not p.match_keyed order by p.id limit ${BATCH}`,
    );
    if (result.rows.length === 0) return keyed;
    const rows = result.rows.map((row) => {
      const addresses = typeof row.addresses === 'string' ? JSON.parse(row.addresses) : row.addresses;
      const keys = matchKeys({ email: row.email, taxId: row.tax_id, phones: row.phones, addresses });
      return { id: num(row.id), ...matchColumns(keys) };
    });
    await db.query(
      `update partner p set match_tax_id = k.match_tax_id, match_email = k.match_email,
         match_phones = coalesce(k.match_phones, '{}'), match_keyed = true
       from json_to_recordset($1::json) as k(id bigint, match_tax_id text, match_email text, match_phones text[])
       where p.id = k.id`,
      [JSON.stringify(rows)],
    );
    keyed += rows.length;
    if (rows.length < BATCH) return keyed;
  }
}

/** A partner a user chose to link a record to, with the external id this channel links it as (if any). */
export interface LinkTarget {
  partnerId: number;
  number: string;
  type: PartnerType;
  linkedAs: string | null;
  /** The number of the partner it was merged into (a merged partner takes no new links). */
  mergedInto: string | null;
}

export async function findLinkTarget(
  db: Queryable,
  channelId: number,
  number: string,
): Promise<LinkTarget | null> {
  const result = await db.query<{
    id: unknown;
    number: string;
    partner_type: PartnerType;
    linked_as: string | null;
    merged_into: string | null;
  }>(
    `select p.id, p.number, p.partner_type,
       (select m.number from partner m where m.id = p.merged_into) as merged_into,
       (select l.external_id from channel_link l where l.partner_id = p.id and l.channel_id = $1
        order by l.external_id limit 1) as linked_as
     from partner p where p.number = $2`,
    [channelId, number],
  );
  const row = result.rows[0];
  if (!row) return null;
  return {
    partnerId: num(row.id),
    number: row.number,
    type: row.partner_type,
    linkedAs: row.linked_as,
    mergedInto: row.merged_into,
  };
}
