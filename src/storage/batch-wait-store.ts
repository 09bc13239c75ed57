/**
 * SQL for the wait lease of a job filed by `kontor import-customers --wait`: the job names its waiter (the
 * application server name of the process that waits for it), the waiter's heartbeat extends the lease, and the
 * sweep ends a ready or released job whose waiter stopped heart-beating, so that it holds its queue no longer.
 */
import type { Queryable } from './db.ts';
import { num } from './sql-values.ts';

/**
 * Extends the wait lease of the job while it waits to start (called by the one process that runs it); false
 * when it has no waiter or no longer waits.
 */
export async function extendWaitLease(db: Queryable, jobId: number, leaseSeconds: number): Promise<boolean> {
  const result = await db.query(
    `update batch_job set wait_lease_expires_at = now() + make_interval(secs => $2)
     where id = $1 and waiter is not null and state in ('ready', 'released')`,
    [jobId, leaseSeconds],
  );
  return result.rowCount === 1;
}

export interface JobOfDeadWaiter {
  jobId: number;
  runId: number;
  waiter: string;
}

export const WAITER_DIED = 'WAITER_DIED';

/**
 * Ends every ready or released job whose wait lease expired as abandoned, with a run that records why
 * (WAITER_DIED), in one statement. Safe to run on every server at once (SKIP LOCKED).
 */
export async function abandonJobsOfDeadWaiters(db: Queryable): Promise<JobOfDeadWaiter[]> {
  const result = await db.query<{ id: unknown; job_id: unknown; app_server: string }>(
    `with ended as (
       update batch_job j set state = 'abandoned', due_at = null, updated_at = now()
       where j.id in (select id from batch_job where state in ('ready', 'released') and waiter is not null
                        and wait_lease_expires_at < now()
                      for update skip locked)
       returning j.id, j.waiter
     )
     insert into batch_run (job_id, state, app_server, lease_token, lease_expires_at, started_at, finished_at,
       has_errors, reason, error_code, error_message)
     select id, 'abandoned', waiter, 'waiter-died-' || id, now(), now(), now(), true, 'server-died', $1,
       'The process that filed this job with --wait (' || waiter || ') stopped before the job could start. '
         || 'The job was given up so that its queue goes on; file it again to run it.'
     from ended
     returning id, job_id, app_server`,
    [WAITER_DIED],
  );
  return result.rows.map((row) => ({ runId: num(row.id), jobId: num(row.job_id), waiter: row.app_server }));
}
