/**
 * SQL for batch runs: the claim (one statement: lock the first due job of a free queue with SKIP LOCKED,
 * make it active under a new lease, insert its run), the lease heartbeat, and the fenced end of a run.
 * Every write of a run presents its lease token; a run whose lease was taken (the sweeper abandoned it)
 * writes nothing.
 */

import type { JobState } from '../domain/batch-job.ts';
import type { BatchRun, BatchRunState, RunProgress, RunReason } from '../domain/batch-run.ts';
import type { Queryable } from './db.ts';
import { inOltpSchema } from './oltp-schema.ts';
import { iso, isoOrNull, num } from './sql-values.ts';

export interface ClaimRequest {
  server: string;
  token: string;
  leaseSeconds: number;
  /** Only this job (a `kontor import-customers --wait` process runs just its own job). */
  onlyJobId?: number | null;
  /** The batch applications this server can run. */
  applications: readonly string[];
}

/**
 * Claims the next job this server may run: ready, bound to no server or to this one, the first ready job of
 * its queue (queue order: due time, then id) and its queue has no active job. Returns the new run, or null.
 */
export async function claimRun(
  db: Queryable,
  claim: ClaimRequest,
): Promise<{ runId: number; jobId: number } | null> {
  try {
    const result = await db.query<{ id: unknown; job_id: unknown }>(
      `with claimed as (
         update batch_job j set state = 'active', lease_token = $2, cancel_requested = false, updated_at = now()
         where j.id = (
           select c.id from batch_job c
           where c.state = 'ready' and (c.app_server is null or c.app_server = $1)
             and ($4::bigint is null or c.id = $4) and c.application = any($5::text[])
             and not exists (select 1 from batch_job a where a.queue_id = c.queue_id and a.state = 'active')
             and not exists (select 1 from batch_job o where o.queue_id = c.queue_id and o.state = 'ready'
                             and (o.due_at, o.id) < (c.due_at, c.id))
           order by c.due_at, c.id
           limit 1
           for update of c skip locked
         ) and j.state = 'ready'
         returning j.id, j.due_at
       )
       -- started_at: the moment the claim succeeded (clock_timestamp), not the statement's start (now()), which
       -- lies before a wait on the "one active job per queue" index for the run that is just ending.
       insert into batch_run (job_id, state, app_server, lease_token, lease_expires_at, due_at, started_at)
       select id, 'active', $1, $2, now() + make_interval(secs => $3), due_at, clock_timestamp() from claimed
       returning id, job_id`,
      [claim.server, claim.token, claim.leaseSeconds, claim.onlyJobId ?? null, claim.applications],
    );
    const row = result.rows[0];
    return row ? { runId: num(row.id), jobId: num(row.job_id) } : null;
  } catch (error) {
    // Another server won the race for this queue: the "one active job per queue" index refused us.
    if ((error as { code?: string }).code === '23505') return null;
    throw error;
  }
}

export interface LeaseState {
  cancelRequested: boolean;
}

/**
 * Extends the lease and stores progress; null when the lease is lost (the run must stop, writing nothing).
 * The lease also keeps the import run the batch run links alive (import-run-store.ts): one heartbeat.
 */
export async function extendLease(
  db: Queryable,
  run: { id: number; token: string },
  leaseSeconds: number,
  progress: { counts: Record<string, number> | null; progress?: RunProgress | null },
): Promise<LeaseState | null> {
  const result = await db.query<{ cancel_requested: boolean }>(
    `update batch_run r set lease_expires_at = now() + make_interval(secs => $3), heartbeat_at = now(),
       counts = coalesce($4::jsonb, r.counts), progress = coalesce($5::jsonb, r.progress)
     where r.id = $1 and r.lease_token = $2 and r.state = 'active'
     returning (select cancel_requested from batch_job where id = r.job_id) as cancel_requested`,
    [
      run.id,
      run.token,
      leaseSeconds,
      progress.counts ? JSON.stringify(progress.counts) : null,
      progress.progress ? JSON.stringify(progress.progress) : null,
    ],
  );
  const row = result.rows[0];
  return row ? { cancelRequested: row.cancel_requested } : null;
}

export interface RunEnd {
  state: Exclude<BatchRunState, 'active' | 'abandoned'>;
  counts: Record<string, number> | null;
  /** The last progress reported (kept with the ended run: its pages and total); absent or null: unchanged. */
  progress?: RunProgress | null;
  hasErrors: boolean;
  reason: RunReason | null;
  error: { code: string; message: string } | null;
}

/** Ends the run (fenced by its lease); false when the lease was lost and nothing was written. */
export async function endRun(
  db: Queryable,
  run: { id: number; token: string },
  end: RunEnd,
): Promise<boolean> {
  const result = await db.query(
    `update batch_run set state = $3, finished_at = now(), counts = coalesce($4::jsonb, counts),
       has_errors = $5, reason = $6, error_code = $7, error_message = $8,
       progress = coalesce($9::jsonb, progress)
     where id = $1 and lease_token = $2 and state = 'active'`,
    [
      run.id,
      run.token,
      end.state,
      end.counts ? JSON.stringify(end.counts) : null,
      end.hasErrors,
      end.reason,
      end.error?.code ?? null,
      end.error?.message ?? null,
      end.progress ? JSON.stringify(end.progress) : null,
    ],
  );
  return result.rowCount === 1;
}

/** Moves the job of an ended run on (fenced by the run's lease token). */
export async function moveJobAfterRun(
  db: Queryable,
  job: { id: number; token: string },
  next: { state: JobState; dueAt: Date | null },
): Promise<boolean> {
  const result = await db.query(
    `update batch_job set state = $3, due_at = $4, lease_token = null, cancel_requested = false,
       trigger_pending = false, updated_at = now()
     where id = $1 and lease_token = $2`,
    [job.id, job.token, next.state, next.dueAt],
  );
  return result.rowCount === 1;
}

interface RunRow {
  id: unknown;
  job_id: unknown;
  state: BatchRunState;
  app_server: string;
  due_at: unknown;
  started_at: unknown;
  finished_at: unknown;
  counts: Record<string, number> | null;
  progress: RunProgress | null;
  has_errors: boolean;
  reason: RunReason | null;
  error_code: string | null;
  error_message: string | null;
  import_run_id: unknown;
}

function toRun(row: RunRow): BatchRun {
  return {
    id: num(row.id),
    jobId: num(row.job_id),
    state: row.state,
    appServer: row.app_server,
    dueAt: isoOrNull(row.due_at),
    startedAt: iso(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
    counts: row.counts,
    progress: row.progress ?? null,
    hasErrors: row.has_errors,
    reason: row.reason,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    importRunId: row.import_run_id === null ? null : num(row.import_run_id),
  };
}

/** The runs of these jobs, oldest first. */
export async function listRuns(db: Queryable, jobIds: readonly number[]): Promise<BatchRun[]> {
  if (jobIds.length === 0) return [];
  const result = await db.query<RunRow>(
    `select id, job_id, state, app_server, due_at, started_at, finished_at, counts, progress, has_errors,
       reason, error_code, error_message, import_run_id
     from batch_run where job_id = any($1::bigint[]) order by job_id, id`,
    [jobIds],
  );
  return result.rows.map(toRun);
}

export interface AbandonedRun {
  runId: number;
  jobId: number;
  token: string;
  importRunId: number | null;
  appServer: string;
}

/**
 * The sweeper: active runs whose lease expired (their server stopped heart-beating) become abandoned, and
 * the import runs they started are closed. Safe to run on every server at once (SKIP LOCKED).
 */
export async function abandonExpiredRuns(db: Queryable): Promise<AbandonedRun[]> {
  const result = await db.query<{
    id: unknown;
    job_id: unknown;
    lease_token: string;
    import_run_id: unknown;
    app_server: string;
  }>(
    `update batch_run set state = 'abandoned', finished_at = now(), reason = 'server-died', has_errors = true,
       error_code = 'SERVER_DIED',
       error_message = 'The application server ' || app_server || ' stopped answering while running this job.'
     where id in (select id from batch_run where state = 'active' and lease_expires_at < now()
                  for update skip locked)
     returning id, job_id, lease_token, import_run_id, app_server`,
  );
  const runs = result.rows.map((row) => ({
    runId: num(row.id),
    jobId: num(row.job_id),
    token: row.lease_token,
    importRunId: row.import_run_id === null ? null : num(row.import_run_id),
    appServer: row.app_server,
  }));
  const importRuns = runs.flatMap((run) => (run.importRunId === null ? [] : [run.importRunId]));
  if (importRuns.length > 0) {
    // Each import run lies in the schema of its job's OLTP database (ids are unique over all of them).
    const oltps = await db.query<{ oltp: string }>(
      `select distinct d.name as oltp from batch_job j join oltp_database d on lower(d.name) = lower(j.oltp_database)
       where j.id = any($1::bigint[])`,
      [runs.map((run) => run.jobId)],
    );
    for (const { oltp } of oltps.rows) {
      await inOltpSchema(db, oltp, () =>
        db.query(
          `update import_run set state = 'failed', finished_at = now(), error_code = 'RUN_ABANDONED',
             error_message = 'The application server running this import stopped without finishing it.'
           where id = any($1::bigint[]) and state = 'running'`,
          [importRuns],
        ),
      );
    }
  }
  return runs;
}
