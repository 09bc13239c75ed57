/** SQL for editing a batch job that has not started: its settings, batch settings, state and due time. */
import type { JobState } from '../domain/batch-job.ts';
import type { NewJob } from './batch-job-store.ts';
import type { Queryable } from './db.ts';

export interface JobEdit {
  settings: Record<string, unknown>;
  batch: NewJob['batch'];
  queueId: number;
  state: Extract<JobState, 'planned' | 'released' | 'ready'>;
  dueAt: Date | null;
}

/**
 * Writes an edit, fenced: only while the job is planned, released or ready (a job an application server
 * claimed meanwhile is left alone). False when the job was in no such state. Without a name the job is
 * called "<application>-<id>", as when it was filed. A name taken by another open job raises the driver's
 * unique violation (23505).
 */
export async function updateOpenJob(db: Queryable, id: number, edit: JobEdit): Promise<boolean> {
  const b = edit.batch;
  const result = await db.query(
    `update batch_job set name = coalesce($2, application || '-' || id), settings = $3::jsonb,
       user_name = $4, oltp_database = $5, content_language = $6, queue_id = $7, app_server = $8,
       start_mode = $9, begin_at = $10, max_run_seconds = $11, timeout_notification = $12,
       serial_pattern = $13, time_zone = $14, end_at = $15, series_canceled_notification = $16,
       notification = $17, release_immediately = $18, state = $19, due_at = $20, updated_at = now()
     where id = $1 and state in ('planned', 'released', 'ready')`,
    [
      id,
      b.name,
      JSON.stringify(edit.settings),
      b.user,
      b.oltpDatabase,
      b.contentLanguage,
      edit.queueId,
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
      edit.state,
      edit.dueAt,
    ],
  );
  return result.rowCount === 1;
}
