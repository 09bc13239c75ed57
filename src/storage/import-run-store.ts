/** SQL for import runs and their per-record log. */

import type { BatchLease } from '../domain/batch-run.ts';
import { DataError } from '../domain/errors.ts';
import type {
  ChangedSinceMode,
  ImportRun,
  ImportRunState,
  RunCounts,
  RunLogLine,
} from '../domain/import-run.ts';
import type { Queryable } from './db.ts';
import { prepared } from './prepared-sql.ts';
import { iso, isoOrNull, num } from './sql-values.ts';

export interface NewRun {
  channelId: number;
  changedSince: ChangedSinceMode;
  since: string | null;
  emails: string[] | null;
  options: Record<string, unknown>;
  watermarkBefore: string | null;
}

/** What keeps a new run alive: the lease of the batch run it runs under, or (outside a job) a lease of its own. */
export type RunLiveness = { batchRun: BatchLease } | { ownLeaseSeconds: number };

export type StartedRun =
  | { state: 'opened'; runId: number }
  /** Another live run of the channel holds the one-running-run index. */
  | { state: 'busy' }
  /** The batch run is no longer active under its lease (taken for abandoned): nothing was written. */
  | { state: 'lease-lost' };

/**
 * A running import run is dead when no active batch run with an unexpired lease links it and its own lease
 * (outside a job) is missing or expired. `r` is the import run.
 */
const RUN_IS_DEAD = `(r.lease_expires_at is null or r.lease_expires_at < now())
  and not exists (select 1 from batch_run b where b.import_run_id = r.id and b.state = 'active'
                  and b.lease_expires_at >= now())`;

/**
 * Opens a run; call it inside a transaction. Closes the channel's dead running runs (abandoned), then, under a
 * batch lease, locks that batch run and inserts the new run only while the run is active under its token and
 * its lease is unexpired, linking it in the same transaction; outside a job the run gets a lease of its own.
 */
export async function startRun(tx: Queryable, run: NewRun, liveness: RunLiveness): Promise<StartedRun> {
  await tx.query(
    `update import_run r set state = 'failed', finished_at = now(), error_code = 'RUN_ABANDONED',
       error_message = 'The process running this import stopped without finishing it.'
     where r.channel_id = $1 and r.state = 'running' and ${RUN_IS_DEAD}`,
    [run.channelId],
  );
  const batchRun = 'batchRun' in liveness ? liveness.batchRun : null;
  if (batchRun) {
    const held = await tx.query(
      `select 1 from batch_run where id = $1 and lease_token = $2 and state = 'active'
         and lease_expires_at >= now() for update`,
      [batchRun.runId, batchRun.token],
    );
    if (held.rows.length === 0) return { state: 'lease-lost' };
  }
  const ownLeaseSeconds = 'ownLeaseSeconds' in liveness ? liveness.ownLeaseSeconds : null;
  const result = await tx.query<{ id: unknown }>(
    `insert into import_run (channel_id, state, changed_since, since, emails, options, watermark_before,
       lease_expires_at)
     values ($1, 'running', $2, $3, $4::text[], $5::jsonb, $6,
       now() + make_interval(secs => $7::double precision))
     on conflict (channel_id) where state = 'running' do nothing
     returning id`,
    [
      run.channelId,
      run.changedSince,
      run.since,
      run.emails,
      JSON.stringify(run.options),
      run.watermarkBefore,
      ownLeaseSeconds,
    ],
  );
  const row = result.rows[0];
  if (!row) return { state: 'busy' };
  const runId = num(row.id);
  if (batchRun) {
    await tx.query('update batch_run set import_run_id = $3 where id = $1 and lease_token = $2', [
      batchRun.runId,
      batchRun.token,
      runId,
    ]);
  }
  return { state: 'opened', runId };
}

/** Extends the own lease of a run outside a job; false when the run is no longer running. */
export async function renewRunLease(db: Queryable, runId: number, seconds: number): Promise<boolean> {
  const result = await db.query(
    `update import_run set lease_expires_at = now() + make_interval(secs => $2)
     where id = $1 and state = 'running' and lease_expires_at is not null`,
    [runId, seconds],
  );
  return result.rowCount === 1;
}

export async function runningRunOf(db: Queryable, channelId: number): Promise<number | null> {
  const result = await db.query<{ id: unknown }>(
    `select id from import_run where channel_id = $1 and state = 'running'`,
    [channelId],
  );
  const row = result.rows[0];
  return row ? num(row.id) : null;
}

const RECORD_PAGE = prepared(
  'record-page',
  `with run as (
     update import_run set read_count = read_count + $2, created_count = created_count + $3,
       updated_count = updated_count + $4, unchanged_count = unchanged_count + $5,
       skipped_count = skipped_count + $6, warning_count = warning_count + $7,
       error_count = error_count + $8, awaiting_count = awaiting_count + $10,
       deactivated_count = deactivated_count + $11, cursor = coalesce($9, cursor)
     where id = $1 and state = 'running'
     returning id
   ),
   log as (
     insert into import_log (run_id, level, external_id, code, message)
     select run.id, l.level, l.external_id, l.code, l.message
     from run, unnest($12::text[], $13::text[], $14::text[], $15::text[]) with ordinality
       as l(level, external_id, code, message, n)
     order by l.n
   )
   -- With $16 false the transaction commits without waiting for its WAL flush (see recordPage).
   select count(*)::int as running,
     set_config('synchronous_commit', case when $16::boolean then current_setting('synchronous_commit')
       else 'off' end, true) as synchronous_commit
   from run`,
);

/**
 * Adds a committed page's counts, its resume cursor and its log lines to the run, in one statement. A page
 * without log lines (every record imported or unchanged) writes only the run's row. Call it last in the
 * page's transaction.
 *
 * `flush: false` lets the transaction commit without waiting for its WAL to reach the disk (about 3 ms a
 * page on an idle machine, more under load). Safe for the pages of a run: a server crash can lose only the
 * last pages committed before it, each whole with its counts and cursor (as if the run had stopped between
 * pages), and the transaction that ends the run and moves the watermark commits durably, which flushes
 * every page committed before it.
 */
export async function recordPage(
  db: Queryable,
  runId: number,
  counts: RunCounts,
  cursor: string | null,
  log: RunLogLine[],
  options: { flush?: boolean } = {},
): Promise<void> {
  const result = await db.query<{ running: number }>(RECORD_PAGE, [
    runId,
    counts.read,
    counts.created,
    counts.updated,
    counts.unchanged,
    counts.skipped,
    counts.warnings,
    counts.errors,
    cursor,
    counts.awaiting,
    counts.deactivated,
    log.map((line) => line.level),
    log.map((line) => line.externalId),
    log.map((line) => line.code),
    log.map((line) => line.message),
    options.flush ?? true,
  ]);
  // Fencing: a run that another process ended (abandoned) writes nothing more; its page rolls back.
  if (result.rows[0]?.running !== 1) {
    throw new DataError(
      'RUN_ENDED',
      `Import run ${runId} was ended by another process (abandoned); it stops here.`,
    );
  }
}

export async function finishRun(
  db: Queryable,
  runId: number,
  outcome: {
    state: Exclude<ImportRunState, 'running'>;
    watermarkAfter: string | null;
    error: { code: string; message: string } | null;
  },
): Promise<boolean> {
  const result = await db.query(
    `update import_run set state = $2, finished_at = now(), watermark_after = $3, error_code = $4,
       error_message = $5
     where id = $1 and state = 'running'`,
    [
      runId,
      outcome.state,
      outcome.watermarkAfter,
      outcome.error?.code ?? null,
      outcome.error?.message ?? null,
    ],
  );
  return result.rowCount === 1;
}

interface RunRow {
  id: unknown;
  channel: string;
  state: ImportRunState;
  changed_since: ChangedSinceMode;
  since: unknown;
  emails: string[] | null;
  started_at: unknown;
  finished_at: unknown;
  read_count: unknown;
  created_count: unknown;
  updated_count: unknown;
  unchanged_count: unknown;
  skipped_count: unknown;
  warning_count: unknown;
  error_count: unknown;
  awaiting_count: unknown;
  deactivated_count: unknown;
  watermark_before: unknown;
  watermark_after: unknown;
  error_code: string | null;
  error_message: string | null;
}

export async function getRun(db: Queryable, runId: number): Promise<ImportRun | null> {
  const result = await db.query<RunRow>(
    `select r.*, c.name as channel from import_run r join sales_channel c on c.id = r.channel_id where r.id = $1`,
    [runId],
  );
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: num(row.id),
    channel: row.channel,
    state: row.state,
    changedSince: row.changed_since,
    since: isoOrNull(row.since),
    emails: row.emails,
    startedAt: iso(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
    counts: {
      read: num(row.read_count),
      created: num(row.created_count),
      updated: num(row.updated_count),
      unchanged: num(row.unchanged_count),
      skipped: num(row.skipped_count),
      warnings: num(row.warning_count),
      errors: num(row.error_count),
      awaiting: num(row.awaiting_count),
      deactivated: num(row.deactivated_count),
    },
    watermarkBefore: isoOrNull(row.watermark_before),
    watermarkAfter: isoOrNull(row.watermark_after),
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
  };
}

export async function getRunLog(db: Queryable, runId: number): Promise<RunLogLine[]> {
  const result = await db.query<{
    level: RunLogLine['level'];
    external_id: string | null;
    code: string;
    message: string;
  }>('select level, external_id, code, message from import_log where run_id = $1 order by id', [runId]);
  return result.rows.map((row) => ({
    level: row.level,
    externalId: row.external_id,
    code: row.code,
    message: row.message,
  }));
}
