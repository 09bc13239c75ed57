/** SQL for open records: the records a run did not import, kept per channel until resolved. */
import type {
  KeptData,
  KeptRecord,
  OpenRecord,
  OpenRecordFilter,
  OpenRecordLevel,
  OpenRecordState,
} from '../domain/open-record.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull, num } from './sql-values.ts';

/** PostgreSQL's jsonb cannot hold U+0000: a raw record that has one is kept without it. */
function jsonText(value: unknown): string | null {
  if (value === undefined) return null;
  return JSON.stringify(value).replace(/(?<!\\)\\u0000/g, '');
}

function recordOf(data: KeptData): { kind: KeptData['kind']; record: string | null } {
  if (data.kind === 'mapped') return { kind: 'mapped', record: jsonText(data.customer) };
  if (data.kind === 'raw') return { kind: 'raw', record: jsonText(data.raw) };
  return { kind: 'none', record: null };
}

/**
 * Keeps the records a page did not import (one statement). A record kept before is updated: seen again by this
 * run, with its latest codes and data; an imported or confirmed one opens again (first seen now); an ignored
 * one stays ignored unless the shop changed it since (its change time differs).
 */
export async function keepOpenRecords(
  tx: Queryable,
  channelId: number,
  runId: number,
  records: readonly KeptRecord[],
): Promise<void> {
  if (records.length === 0) return;
  // The last occurrence of an id wins (a page may hold a record twice).
  const byId = new Map(records.map((record) => [record.externalId, record]));
  const rows = [...byId.values()].map((record) => {
    const { kind, record: data } = recordOf(record.data);
    return {
      external_id: record.externalId,
      email: record.email,
      level: record.level,
      codes: record.codes,
      message: record.message,
      record_kind: kind,
      record: data,
      changed_at: record.changedAt,
      candidates: record.candidates ?? [],
    };
  });
  await tx.query(
    `insert into open_record as o (channel_id, external_id, email, level, codes, message, record_kind, record,
       changed_at, state, run_id, candidates)
     select $1, r.external_id, r.email, r.level, r.codes, r.message, r.record_kind, r.record::jsonb,
       r.changed_at, 'open', $2, coalesce(r.candidates, '{}')
     from jsonb_to_recordset($3::jsonb) as r(external_id text, email text, level text, codes text[],
       message text, record_kind text, record text, changed_at timestamptz, candidates text[])
     on conflict (channel_id, external_id) do update set
       email = excluded.email, candidates = excluded.candidates, level = excluded.level, codes = excluded.codes, message = excluded.message,
       record_kind = excluded.record_kind, record = excluded.record, changed_at = excluded.changed_at,
       last_seen_at = now(), run_id = excluded.run_id,
       state = case when o.state = 'ignored' and o.changed_at is not distinct from excluded.changed_at
                    then 'ignored' else 'open' end,
       first_seen_at = case when o.state = 'open'
                              or (o.state = 'ignored' and o.changed_at is not distinct from excluded.changed_at)
                            then o.first_seen_at else now() end,
       resolved_by = case when o.state = 'ignored' and o.changed_at is not distinct from excluded.changed_at
                          then o.resolved_by else null end,
       resolved_at = case when o.state = 'ignored' and o.changed_at is not distinct from excluded.changed_at
                          then o.resolved_at else null end`,
    [channelId, runId, JSON.stringify(rows)],
  );
}

/**
 * Closes the open (or ignored) records of these ids: imported by a run, or confirmed by a user. Returns the ids
 * that were closed.
 */
export async function closeOpenRecords(
  tx: Queryable,
  channelId: number,
  runId: number,
  externalIds: readonly string[],
  resolution: { state: 'imported' | 'confirmed'; by: string | null },
): Promise<string[]> {
  if (externalIds.length === 0) return [];
  const result = await tx.query<{ external_id: string }>(
    `update open_record set state = $4, resolved_by = $5, resolved_at = now(), run_id = $2
     where channel_id = $1 and external_id = any($3::text[]) and state in ('open', 'ignored')
     returning external_id`,
    [channelId, runId, [...externalIds], resolution.state, resolution.by],
  );
  return result.rows.map((row) => row.external_id);
}

/** Ignores open records; returns the ids that were open. */
export async function ignoreOpenRecords(
  tx: Queryable,
  channelId: number,
  runId: number,
  externalIds: readonly string[],
  by: string,
): Promise<string[]> {
  if (externalIds.length === 0) return [];
  const result = await tx.query<{ external_id: string }>(
    `update open_record set state = 'ignored', resolved_by = $4, resolved_at = now(), run_id = $2
     where channel_id = $1 and external_id = any($3::text[]) and state = 'open'
     returning external_id`,
    [channelId, runId, [...externalIds], by],
  );
  return result.rows.map((row) => row.external_id);
}

/** A kept record with its data, for the actions. */
export interface KeptOpenRecord {
  externalId: string;
  state: OpenRecordState;
  level: OpenRecordLevel;
  codes: string[];
  data: KeptData;
}

interface KeptRow {
  external_id: string;
  state: OpenRecordState;
  level: OpenRecordLevel;
  codes: string[];
  record_kind: KeptData['kind'];
  record: unknown;
}

function parsed(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

export async function findKeptRecords(
  db: Queryable,
  channelId: number,
  externalIds: readonly string[],
): Promise<Map<string, KeptOpenRecord>> {
  const result = await db.query<KeptRow>(
    `select external_id, state, level, codes, record_kind, record from open_record
     where channel_id = $1 and external_id = any($2::text[])`,
    [channelId, [...externalIds]],
  );
  return new Map(
    result.rows.map((row) => {
      const record = parsed(row.record);
      const data: KeptData =
        row.record_kind === 'mapped'
          ? { kind: 'mapped', customer: record as never }
          : row.record_kind === 'raw'
            ? { kind: 'raw', raw: record }
            : { kind: 'none' };
      return [
        row.external_id,
        { externalId: row.external_id, state: row.state, level: row.level, codes: row.codes, data },
      ];
    }),
  );
}

/** The open records of a channel that this run has not seen (yet): a Last transfer reads them again by id. */
export async function openIdsNotSeenBy(db: Queryable, channelId: number, runId: number): Promise<string[]> {
  const result = await db.query<{ external_id: string }>(
    `select external_id from open_record
     where channel_id = $1 and state = 'open' and run_id is distinct from $2
     order by external_id`,
    [channelId, runId],
  );
  return result.rows.map((row) => row.external_id);
}

interface ListRow {
  channel: string;
  external_id: string;
  email: string | null;
  level: OpenRecordLevel;
  codes: string[];
  message: string;
  state: OpenRecordState;
  first_seen_at: unknown;
  last_seen_at: unknown;
  run_id: unknown;
  resolved_by: string | null;
  resolved_at: unknown;
  candidates: string[];
  total: unknown;
}

/** Kept records, newest seen first, with the total that match the filter. */
export async function listOpenRecords(
  db: Queryable,
  filter: OpenRecordFilter,
): Promise<{ total: number; records: OpenRecord[] }> {
  const result = await db.query<ListRow>(
    `select c.name as channel, o.external_id, o.email, o.level, o.codes, o.message, o.state, o.first_seen_at,
       o.last_seen_at, o.run_id, o.resolved_by, o.resolved_at, o.candidates, count(*) over () as total
     from open_record o join sales_channel c on c.id = o.channel_id
     where ($1::text is null or c.name = $1) and ($2::text is null or o.state = $2)
       and ($3::text is null or $3 = any(o.codes))
     order by o.last_seen_at desc, c.name, o.external_id
     limit $4 offset $5`,
    [
      filter.channel ?? null,
      filter.state ?? null,
      filter.code ?? null,
      filter.limit ?? null,
      filter.offset ?? 0,
    ],
  );
  let total = result.rows[0] ? num(result.rows[0].total) : 0;
  if (result.rows.length === 0 && (filter.offset ?? 0) > 0) {
    const counted = await db.query<{ total: unknown }>(
      `select count(*) as total from open_record o join sales_channel c on c.id = o.channel_id
       where ($1::text is null or c.name = $1) and ($2::text is null or o.state = $2)
         and ($3::text is null or $3 = any(o.codes))`,
      [filter.channel ?? null, filter.state ?? null, filter.code ?? null],
    );
    total = num(counted.rows[0]?.total ?? 0);
  }
  return {
    total,
    records: result.rows.map((row) => ({
      channel: row.channel,
      externalId: row.external_id,
      email: row.email,
      level: row.level,
      codes: row.codes,
      message: row.message,
      state: row.state,
      firstSeenAt: iso(row.first_seen_at),
      lastSeenAt: iso(row.last_seen_at),
      runId: row.run_id === null ? null : num(row.run_id),
      resolvedBy: row.resolved_by,
      resolvedAt: isoOrNull(row.resolved_at),
      candidates: row.candidates,
    })),
  };
}

/** Open records per channel id. */
export async function countOpenRecords(db: Queryable): Promise<Map<number, number>> {
  const result = await db.query<{ channel_id: unknown; open: unknown }>(
    `select channel_id, count(*) as open from open_record where state = 'open' group by channel_id`,
  );
  return new Map(result.rows.map((row) => [num(row.channel_id), num(row.open)]));
}

/** Whether the channel has a record that an import would close (open or ignored). */
export async function hasClosableRecords(db: Queryable, channelId: number): Promise<boolean> {
  const result = await db.query<{ found: boolean }>(
    `select exists (select 1 from open_record where channel_id = $1 and state in ('open', 'ignored')) as found`,
    [channelId],
  );
  return result.rows[0]?.found === true;
}
