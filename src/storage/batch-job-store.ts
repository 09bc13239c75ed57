/** SQL for batch jobs: filing, lookup, listing and the state changes users ask for (release, cancel, trigger). */
import type { BatchJob, BatchSettings, JobState } from '../domain/batch-job.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull, num } from './sql-values.ts';

export interface NewJob {
  application: string;
  settings: Record<string, unknown>;
  batch: Omit<BatchSettings, 'name'> & { name: string | null };
  queueId: number;
  state: JobState;
  dueAt: Date | null;
  released: boolean;
  /** Filed by `import-customers --wait`: the waiting process's server name and its wait lease. */
  waiter?: { name: string; leaseSeconds: number } | null;
}

interface JobRow {
  id: unknown;
  name: string;
  application: string;
  settings: Record<string, unknown>;
  user_name: string;
  oltp_database: string;
  content_language: string;
  queue: string;
  app_server: string | null;
  start_mode: BatchJob['startMode'];
  begin_at: unknown;
  max_run_seconds: number | null;
  timeout_notification: boolean;
  serial_pattern: string | null;
  time_zone: string;
  end_at: unknown;
  series_canceled_notification: boolean;
  notification: BatchJob['notification'];
  release_immediately: boolean;
  state: JobState;
  due_at: unknown;
  released_at: unknown;
  cancel_requested: boolean;
  trigger_pending: boolean;
  created_at: unknown;
  updated_at: unknown;
}

export const JOB_COLUMNS = `j.*, q.name as queue`;
export const JOB_FROM = `batch_job j join processing_queue q on q.id = j.queue_id`;

export function toJob(row: JobRow): BatchJob {
  return {
    id: num(row.id),
    name: row.name,
    application: row.application,
    settings: row.settings,
    user: row.user_name,
    oltpDatabase: row.oltp_database,
    contentLanguage: row.content_language,
    queue: row.queue,
    appServer: row.app_server,
    startMode: row.start_mode,
    begin: isoOrNull(row.begin_at),
    maxRunSeconds: row.max_run_seconds,
    timeoutNotification: row.timeout_notification,
    pattern: row.serial_pattern,
    timeZone: row.time_zone,
    end: isoOrNull(row.end_at),
    seriesCanceledNotification: row.series_canceled_notification,
    notification: row.notification,
    releaseImmediately: row.release_immediately,
    state: row.state,
    dueAt: isoOrNull(row.due_at),
    releasedAt: isoOrNull(row.released_at),
    cancelRequested: row.cancel_requested,
    triggerPending: row.trigger_pending,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/**
 * Inserts a job; without a name it is called "<application>-<id>". Returns the id, or null when a job of that
 * name has not ended yet: then no id is drawn from the sequence (a refused job uses no job id; two filings of
 * one name at the same instant can still meet the unique index, which the caller reports alike).
 */
export async function insertJob(db: Queryable, job: NewJob): Promise<number | null> {
  const b = job.batch;
  const result = await db.query<{ id: unknown }>(
    `with n as (
       select nextval(pg_get_serial_sequence('batch_job', 'id')) as id
       where $1::text is null or not exists (
         select 1 from batch_job where name = $1::text and state in ('planned', 'released', 'ready', 'active')))
     insert into batch_job (id, name, application, settings, user_name, oltp_database, content_language,
       queue_id, app_server, start_mode, begin_at, max_run_seconds, timeout_notification, serial_pattern,
       time_zone, end_at, series_canceled_notification, notification, release_immediately, state, due_at,
       released_at, waiter, wait_lease_expires_at)
     select n.id, coalesce($1, $2 || '-' || n.id), $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
       $14, $15, $16, $17, $18, $19, $20, case when $21::boolean then now() end,
       $22::text, case when $22::text is not null then now() + make_interval(secs => $23) end
     from n returning id`,
    [
      b.name,
      job.application,
      JSON.stringify(job.settings),
      b.user,
      b.oltpDatabase,
      b.contentLanguage,
      job.queueId,
      b.appServer,
      b.startMode,
      b.begin,
      b.maxRunSeconds,
      b.timeoutNotification,
      b.pattern,
      b.timeZone,
      b.end,
      b.seriesCanceledNotification,
      b.notification,
      b.releaseImmediately,
      job.state,
      job.dueAt,
      job.released,
      job.waiter?.name ?? null,
      job.waiter?.leaseSeconds ?? null,
    ],
  );
  const row = result.rows[0];
  return row ? num(row.id) : null;
}

export async function getJob(db: Queryable, id: number): Promise<BatchJob | null> {
  const result = await db.query<JobRow>(`select ${JOB_COLUMNS} from ${JOB_FROM} where j.id = $1`, [id]);
  const row = result.rows[0];
  return row ? toJob(row) : null;
}

/** The job of that name that has not ended; else the newest job of that name. */
export async function findJobIdByName(db: Queryable, name: string): Promise<number | null> {
  const result = await db.query<{ id: unknown }>(
    `select id from batch_job where name = $1
     order by (state in ('planned', 'released', 'ready', 'active')) desc, id desc limit 1`,
    [name],
  );
  const row = result.rows[0];
  return row ? num(row.id) : null;
}

export interface JobFilter {
  state?: JobState;
  /** Jobs in any of these states (none or []: any state). */
  states?: JobState[];
  queue?: string;
  user?: string;
  appServer?: string;
  application?: string;
  /** Case-insensitive substring of the job's name. */
  name?: string;
  /** The newest jobs, up to this many (default 200, at most 1000). */
  limit?: number;
  /** List them newest first (default: the newest `limit` jobs, oldest first). */
  newestFirst?: boolean;
}

export const JOB_LIST_LIMIT = { default: 200, max: 1000 } as const;

export async function listJobs(db: Queryable, filter: JobFilter = {}): Promise<BatchJob[]> {
  const states = filter.states && filter.states.length > 0 ? filter.states : null;
  const result = await db.query<JobRow>(
    `select ${JOB_COLUMNS} from ${JOB_FROM}
     where ($1::text is null or j.state = $1) and ($2::text[] is null or j.state = any($2::text[]))
       and ($3::text is null or q.name = $3) and ($4::text is null or j.user_name = $4)
       and ($5::text is null or j.app_server = $5) and ($6::text is null or j.application = $6)
       and ($7::text is null or strpos(lower(j.name), lower($7)) > 0)
     order by j.id desc limit $8`,
    [
      filter.state ?? null,
      states,
      filter.queue ?? null,
      filter.user ?? null,
      filter.appServer ?? null,
      filter.application ?? null,
      filter.name || null,
      Math.min(filter.limit ?? JOB_LIST_LIMIT.default, JOB_LIST_LIMIT.max),
    ],
  );
  const jobs = result.rows.map(toJob);
  return filter.newestFirst ? jobs : jobs.reverse();
}

/** planned -> released or ready (with its due time). False when the job was not planned. */
export async function releasePlanned(
  db: Queryable,
  id: number,
  state: 'released' | 'ready',
  dueAt: Date | null,
): Promise<boolean> {
  const result = await db.query(
    `update batch_job set state = $2, released_at = now(), updated_at = now(),
       due_at = case when $2 = 'ready' then coalesce($3, now()) else $3 end
     where id = $1 and state = 'planned'`,
    [id, state, dueAt],
  );
  return result.rowCount === 1;
}

/** Cancels a job that is not active yet; false when it is in another state now. */
export async function cancelOpen(db: Queryable, id: number): Promise<boolean> {
  const result = await db.query(
    `update batch_job set state = 'canceled', updated_at = now()
     where id = $1 and state in ('planned', 'released', 'ready')`,
    [id],
  );
  return result.rowCount === 1;
}

/** Asks the active run of a job to stop; false when the job is not active. */
export async function requestCancel(db: Queryable, id: number): Promise<boolean> {
  const result = await db.query(
    `update batch_job set cancel_requested = true, updated_at = now() where id = $1 and state = 'active'`,
    [id],
  );
  return result.rowCount === 1;
}

/**
 * A trigger of an external job: released -> ready (due now); while a run is active, one more run is
 * remembered (trigger_pending). Returns what happened, or null when the job is in no triggerable state.
 */
export async function triggerExternal(
  db: Queryable,
  id: number,
): Promise<'ready' | 'pending' | 'waiting' | null> {
  const result = await db.query<{ old_state: JobState }>(
    `update batch_job j set
       state = case when j.state = 'released' then 'ready' else j.state end,
       due_at = case when j.state = 'released' then now() else j.due_at end,
       trigger_pending = (j.state = 'active') or j.trigger_pending,
       updated_at = now()
     from (select id, state as old_state from batch_job where id = $1 for update) o
     where j.id = o.id and j.start_mode = 'external' and j.state in ('released', 'ready', 'active')
     returning o.old_state`,
    [id],
  );
  const old = result.rows[0]?.old_state;
  if (old === undefined) return null;
  return old === 'released' ? 'ready' : old === 'active' ? 'pending' : 'waiting';
}

/**
 * Points the jobs of `application` that have not ended (planned, released, ready, active) and whose setting
 * `key` is `from` at `to` instead (a sales channel was renamed). Only jobs of the OLTP database of `db` (the
 * first schema on its search_path, JOBS_OF_THIS_OLTP). Returns how many jobs changed.
 */
export async function replaceSettingInOpenJobs(
  db: Queryable,
  change: { application: string; key: string; from: string; to: string },
): Promise<number> {
  const result = await db.query(
    `update batch_job set settings = jsonb_set(settings, array[$2::text], to_jsonb($4::text)), updated_at = now()
     where application = $1 and settings ->> $2 = $3 and state in ('planned', 'released', 'ready', 'active')
       and ${JOBS_OF_THIS_OLTP}`,
    [change.application, change.key, change.from, change.to],
  );
  return result.rowCount;
}

/**
 * A condition on batch_job (unaliased) that holds for the jobs of the OLTP database whose schema is first on
 * the search_path (oltp-schema.ts): the per-OLTP reads that look at jobs (channel renames, the home page).
 */
export const JOBS_OF_THIS_OLTP = "'oltp_' || lower(batch_job.oltp_database) = current_schema()";

/** The NOTIFY channel that wakes application servers (a hint; they poll as well). */
export const BATCH_WAKEUP_CHANNEL = 'kontor_batch';

/** Wakes all application servers (delivered when the surrounding transaction commits). */
export async function wakeServers(db: Queryable, reason: string): Promise<void> {
  await db.query('select pg_notify($1, $2)', [BATCH_WAKEUP_CHANNEL, reason]);
}

/** Locks the job's row for the rest of the transaction (the end of a run reads it, then moves it). */
export async function lockJob(db: Queryable, id: number): Promise<void> {
  await db.query('select id from batch_job where id = $1 for update', [id]);
}
