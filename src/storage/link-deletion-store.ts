/**
 * Deactivate deleted customer accounts: channel links of customers deleted in the channel get the
 * deletion date and are deactivated; the partner itself is kept. Set-based, inside the caller's transaction.
 */
import type { Queryable } from './db.ts';

export interface DeactivatedLink {
  externalId: string;
  partnerNumber: string;
  deletedAt: Date;
}

interface Row {
  external_id: string;
  number: string;
  deleted_at: Date;
}

const RETURNING = `returning l.external_id, l.deleted_at,
  (select p.number from partner p where p.id = l.partner_id) as number`;

function toLinks(rows: readonly Row[]): DeactivatedLink[] {
  return rows.map((row) => ({
    externalId: row.external_id,
    partnerNumber: row.number,
    deletedAt: row.deleted_at,
  }));
}

/** Tombstones: deactivates the active links of these external ids with their deletion times. */
export async function deactivateDeletedLinks(
  db: Queryable,
  channelId: number,
  deleted: ReadonlyArray<{ externalId: string; deletedAt: string }>,
): Promise<DeactivatedLink[]> {
  if (deleted.length === 0) return [];
  const result = await db.query<Row>(
    `update channel_link l set active = false, deleted_at = d.deleted_at
     from unnest($2::text[], $3::timestamptz[]) as d(external_id, deleted_at)
     where l.channel_id = $1 and l.external_id = d.external_id and l.active
     ${RETURNING}`,
    [channelId, deleted.map((item) => item.externalId), deleted.map((item) => item.deletedAt)],
  );
  return toLinks(result.rows);
}

/** Id scan: deactivates the active links whose external id the channel no longer has, as deleted at `at`. */
export async function deactivateMissingLinks(
  db: Queryable,
  channelId: number,
  presentIds: readonly string[],
  at: Date,
): Promise<DeactivatedLink[]> {
  const result = await db.query<Row>(
    `update channel_link l set active = false, deleted_at = $3
     where l.channel_id = $1 and l.active and not (l.external_id = any($2::text[]))
     ${RETURNING}`,
    [channelId, presentIds, at],
  );
  return toLinks(result.rows);
}

/** How many active links the channel has (an id scan that finds no customer at all is not trusted). */
export async function countActiveLinks(db: Queryable, channelId: number): Promise<number> {
  const result = await db.query<{ count: unknown }>(
    'select count(*) as count from channel_link where channel_id = $1 and active',
    [channelId],
  );
  return Number(result.rows[0]?.count ?? 0);
}
