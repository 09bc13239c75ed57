/**
 * Editing a batch job that has not started (DESIGN.md 4: planned, released, ready). The Application tab's
 * settings are validated by the application, the Batch settings tab as at filing; then, in one transaction
 * with the job's row locked, its state and due time are recomputed: a planned job stays planned; a released
 * or ready job is released again from its (new) start mode, except that a ready job whose schedule did not
 * change stays ready in its place in the queue. The write is fenced: a job an application server claimed
 * meanwhile is not touched (JOB_NOT_EDITABLE). A tab the edit leaves out is taken from the row read inside
 * the transaction, so two edits of different tabs at once both survive.
 */

import { type BatchJob, OPEN_STATES } from '../domain/batch-job.ts';
import { AuthError, ConfigError, InvalidInputError, NotFoundError } from '../domain/errors.ts';
import type { TimeFormat } from '../domain/instant-text.ts';
import { oltpDb } from '../oltp/oltp-service.ts';
import { updateOpenJob } from '../storage/batch-job-edit-store.ts';
import { getJob, lockJob, type NewJob, wakeServers } from '../storage/batch-job-store.ts';
import type { Db, Queryable } from '../storage/db.ts';
import { findQueueId } from '../storage/queue-store.ts';
import type { BatchApplications } from './batch-application.ts';
import { type BatchSettingsInput, validateBatchSettings } from './batch-settings.ts';
import { releasedSchedule, sameSchedule, scheduleOf } from './job-lifecycle.ts';

export interface EditJobInput {
  /** The Application tab's settings as a whole; absent: they stay. */
  settings?: unknown;
  /** The Batch settings tab as a whole (validated as at filing); absent: they stay. */
  batch?: BatchSettingsInput;
  /**
   * The job's User the caller is allowed to edit (a `user` editing their own job): checked inside the
   * transaction, so a job given to somebody else meanwhile is refused (FORBIDDEN). Absent: any User.
   */
  expectedUser?: string;
  /** How messages show times (the user's time zone and locale). */
  timeFormat?: TimeFormat;
}

type Batch = NewJob['batch'];
type OpenSchedule = { state: 'planned' | 'released' | 'ready'; dueAt: Date | null };

export async function editJob(
  db: Db,
  applications: BatchApplications,
  id: number,
  input: EditJobInput,
  now: Date,
): Promise<void> {
  const job = editable(await getJob(db, id), id);
  assertSameOltp(job, input.batch);
  // Validated before the transaction (the application may query, in the job's OLTP database); the tab left
  // out comes from the locked row.
  const parsedSettings =
    input.settings === undefined
      ? undefined
      : await parseSettings(applications, job, input.settings, oltpDb(db, job.oltpDatabase));

  await db.transaction(async (tx) => {
    await lockJob(tx, id);
    const current = editable(await getJob(tx, id), id);
    if (input.expectedUser !== undefined && current.user !== input.expectedUser)
      throw new AuthError(
        'FORBIDDEN',
        `Batch job ${id} belongs to ${current.user}; only they or an administrator may change it.`,
      );
    const settings = parsedSettings ?? current.settings;
    const batch =
      input.batch === undefined
        ? storedBatch(current)
        : validateBatchSettings(input.batch, now, {
            keptBegin: current.begin ? new Date(current.begin) : null,
            timeFormat: input.timeFormat,
          });
    const queueId = await queueIdOf(tx, batch.queue);
    const next = nextSchedule(current, batch, now);
    const written = await updateOpenJob(tx, id, { settings, batch, queueId, ...next }).catch(
      (error: unknown) => {
        if ((error as { code?: string }).code === '23505')
          throw new ConfigError('JOB_NAME_TAKEN', `A batch job named "${batch.name}" is still open.`);
        throw error;
      },
    );
    if (!written) throw notEditable(id, 'no longer planned, released or ready');
    if (next.state === 'ready' || next.dueAt !== null) await wakeServers(tx, 'edited');
  });
}

/** A job stays with the OLTP database it was filed for: its settings name that database's channels. */
function assertSameOltp(job: BatchJob, batch: BatchSettingsInput | undefined): void {
  const wanted = batch?.oltpDatabase?.trim();
  if (!wanted || wanted.toLowerCase() === job.oltpDatabase.toLowerCase()) return;
  throw new InvalidInputError(
    `Batch job ${job.id} was filed for the OLTP database "${job.oltpDatabase}" and stays with it; file a new job for "${wanted}".`,
    { field: 'oltpDatabase' },
  );
}

function notEditable(id: number, state: string): ConfigError {
  return new ConfigError(
    'JOB_NOT_EDITABLE',
    `Batch job ${id} is ${state}; only planned, released or ready jobs can be edited.`,
  );
}

function editable(job: BatchJob | null, id: number): BatchJob {
  if (!job) throw new NotFoundError('Batch job', String(id));
  if (!OPEN_STATES.includes(job.state)) throw notEditable(id, job.state);
  return job;
}

async function parseSettings(
  applications: BatchApplications,
  job: BatchJob,
  raw: unknown,
  db: Db,
): Promise<Record<string, unknown>> {
  const application = applications.get(job.application);
  if (!application) {
    throw new ConfigError(
      'UNKNOWN_APPLICATION',
      `Batch job ${job.id} belongs to the batch application "${job.application}", which this server does not know.`,
    );
  }
  return (await application.parseSettings(raw, db)) as Record<string, unknown>;
}

async function queueIdOf(db: Queryable, queue: string): Promise<number> {
  const id = await findQueueId(db, queue);
  if (id === null)
    throw new InvalidInputError(`Processing queue "${queue}" does not exist.`, { field: 'queue' });
  return id;
}

/** The batch settings a job has now (an edit without a Batch settings tab keeps them). */
function storedBatch(job: BatchJob): Batch {
  const schedule = scheduleOf(job);
  return {
    name: job.name,
    user: job.user,
    oltpDatabase: job.oltpDatabase,
    contentLanguage: job.contentLanguage,
    queue: job.queue,
    appServer: job.appServer,
    maxRunSeconds: job.maxRunSeconds,
    timeoutNotification: job.timeoutNotification,
    seriesCanceledNotification: job.seriesCanceledNotification,
    notification: job.notification,
    releaseImmediately: job.releaseImmediately,
    ...schedule,
  };
}

function nextSchedule(current: BatchJob, batch: Batch, now: Date): OpenSchedule {
  if (current.state === 'planned') return { state: 'planned', dueAt: null };
  if (current.state === 'ready' && sameSchedule(scheduleOf(current), batch))
    return { state: 'ready', dueAt: current.dueAt ? new Date(current.dueAt) : now };
  const next = releasedSchedule(batch, now);
  if (!next)
    throw new InvalidInputError(`Serial pattern "${batch.pattern}" has no slot left before End.`, {
      field: 'end',
    });
  return next;
}
