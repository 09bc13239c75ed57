/**
 * Merging two partners (docs/import-rules.md "Merging"): links, addresses and contacts move to the kept
 * partner, the other stays as merged (merged_into), and the merge is recorded. Called inside one transaction.
 */

import type { PartnerType } from '../domain/partner.ts';
import type { PartnerMerge } from '../domain/partner-history.ts';
import type { Queryable } from './db.ts';
import { recordUserChange } from './partner-history-store.ts';
import { iso, num } from './sql-values.ts';

export interface MergeCandidate {
  id: number;
  number: string;
  type: PartnerType;
  /** The number of the partner it was merged into, if it was. */
  mergedInto: string | null;
}

/** The partners with these numbers, locked for the rest of the transaction. */
export async function lockPartners(
  db: Queryable,
  numbers: readonly string[],
): Promise<Map<string, MergeCandidate>> {
  const result = await db.query<{
    id: unknown;
    number: string;
    partner_type: PartnerType;
    merged: string | null;
  }>(
    `select p.id, p.number, p.partner_type, (select m.number from partner m where m.id = p.merged_into) as merged
     from partner p where p.number = any($1::text[]) order by p.id for update`,
    [[...numbers]],
  );
  return new Map(
    result.rows.map((row) => [
      row.number,
      { id: num(row.id), number: row.number, type: row.partner_type, mergedInto: row.merged },
    ]),
  );
}

/**
 * The live import runs of the channels linked to these partners, by channel name: a merge must not move a link
 * that a running import's page has just read (it would write the link back to the partner it read).
 */
export async function runningImportsOf(
  db: Queryable,
  partnerIds: readonly number[],
): Promise<Map<string, number>> {
  const result = await db.query<{ channel: string; id: unknown }>(
    `select c.name as channel, r.id from import_run r join sales_channel c on c.id = r.channel_id
     where r.state = 'running' and (r.lease_expires_at is null or r.lease_expires_at > now())
       and r.channel_id in (select l.channel_id from channel_link l where l.partner_id = any($1::bigint[]))
     order by c.name`,
    [[...partnerIds]],
  );
  return new Map(result.rows.map((row) => [row.channel, num(row.id)]));
}

/** Moves the rows of a partner's detail table to the kept partner, after the kept partner's own positions. */
function moveDetails(table: 'partner_address' | 'partner_contact', columns: string): string {
  return `with base as (select coalesce(max(position) + 1, 0) as next from ${table} where partner_id = $1),
    moved as (delete from ${table} where partner_id = $2 returning *)
    insert into ${table} (partner_id, position, ${columns})
    select $1, base.next + m.position, ${columns.replace(/(\w+)/g, 'm.$1')} from moved m cross join base`;
}

/** Merges `removed` into `kept` (both locked, checked by the caller) and records it for both and in the list. */
export async function mergePartners(
  db: Queryable,
  kept: MergeCandidate,
  removed: MergeCandidate,
  by: string,
): Promise<PartnerMerge> {
  const ids = [kept.id, removed.id];
  const links = await db.query('update channel_link set partner_id = $1 where partner_id = $2', ids);
  const addresses = await db.query(
    moveDetails(
      'partner_address',
      'street, postal_code, city, country, region, default_billing, default_shipping',
    ),
    ids,
  );
  const contacts = await db.query(moveDetails('partner_contact', 'name, function, email, phone'), ids);
  await db.query(
    // A merged partner is no candidate of matching any more (docs/import-rules.md): its match keys go.
    `update partner set merged_into = $1, merged_at = now(), updated_at = now(), match_tax_id = null,
       match_email = null, match_phones = '{}', match_keyed = true where id = $2`,
    ids,
  );
  await db.query('update partner set updated_at = now() where id = $1', [kept.id]);
  const moved = { links: links.rowCount, addresses: addresses.rowCount, contacts: contacts.rowCount };
  await recordUserChange(db, kept.id, 'merge', by, [{ field: 'mergedFrom', from: null, to: removed.number }]);
  await recordUserChange(db, removed.id, 'merge', by, [{ field: 'mergedInto', from: null, to: kept.number }]);
  const recorded = await db.query<{ at: unknown }>(
    `insert into partner_merge (kept_id, removed_id, by_user, moved_links, moved_addresses, moved_contacts)
     values ($1, $2, $3, $4, $5, $6) returning at`,
    [kept.id, removed.id, by, moved.links, moved.addresses, moved.contacts],
  );
  return { kept: kept.number, removed: removed.number, at: iso(recorded.rows[0]?.at), by, moved };
}

/** Every merge, newest first. */
export async function listMerges(db: Queryable): Promise<PartnerMerge[]> {
  const result = await db.query<{
    kept: string;
    removed: string;
    at: unknown;
    by_user: string;
    moved_links: number;
    moved_addresses: number;
    moved_contacts: number;
  }>(
    `select k.number as kept, r.number as removed, m.at, m.by_user, m.moved_links, m.moved_addresses,
       m.moved_contacts
     from partner_merge m join partner k on k.id = m.kept_id join partner r on r.id = m.removed_id
     order by m.at desc, m.id desc`,
  );
  return result.rows.map((row) => ({
    kept: row.kept,
    removed: row.removed,
    at: iso(row.at),
    by: row.by_user,
    moved: {
      links: num(row.moved_links),
      addresses: num(row.moved_addresses),
      contacts: num(row.moved_contacts),
    },
  }));
}
