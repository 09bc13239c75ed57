/**
 * The Batch jobs application: file a job (Application tab settings + Batch settings tab), release, cancel,
 * trigger, list and show jobs. The CLI and the HTTP API (and through it the web UI) call this one service.
 */

import { type BatchJob, JOB_STATES, type JobState, startModeText } from '../domain/batch-job.ts';
import type { BatchRun } from '../domain/batch-run.ts';
import { ConfigError, InvalidInputError, NotFoundError } from '../domain/errors.ts';
import { formatInstant, type TimeFormat } from '../domain/instant-text.ts';
import { OltpService, oltpDb } from '../oltp/oltp-service.ts';
import {
  cancelOpen,
  findJobIdByName,
  getJob,
  insertJob,
  JOB_LIST_LIMIT,
  type JobFilter,
  listJobs,
  releasePlanned,
  requestCancel,
  triggerExternal,
  wakeServers,
} from '../storage/batch-job-store.ts';
import { listRuns } from '../storage/batch-run-store.ts';
import type { Db } from '../storage/db.ts';
import { insertNotifications } from '../storage/notification-store.ts';
import { findQueueId } from '../storage/queue-store.ts';
import { DEFAULT_TIMING } from './app-server.ts';
import type { BatchApplications } from './batch-application.ts';
import { type BatchSettingsInput, validateBatchSettings } from './batch-settings.ts';
import { type EditJobInput, editJob } from './job-edit.ts';
import { releasedSchedule, scheduleOf } from './job-lifecycle.ts';
import { rerunBatchSettings } from './job-rerun.ts';
import { noticesForSeriesCanceled } from './notification-rules.ts';

export type { EditJobInput } from './job-edit.ts';

export interface JobWithRuns extends BatchJob {
  runs: BatchRun[];
}

export interface FileJobInput {
  application: string;
  settings: unknown;
  batch: BatchSettingsInput;
  /**
   * Filed by a process that runs the job itself and waits for it (`import-customers --wait`): its server name
   * and the lease its heartbeat renews. A ready or released job whose waiter died is ended (WAITER_DIED).
   */
  waiter?: { name: string; leaseSeconds: number } | null;
  /** How messages show times (the user's time zone and locale); default: the job's time zone. */
  timeFormat?: TimeFormat;
}

export class JobService {
  constructor(
    private readonly db: Db,
    private readonly applications: BatchApplications,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Validates everything, then inserts the job (released at once when Release immediately is on). */
  async file(input: FileJobInput): Promise<BatchJob> {
    const application = this.applications.get(input.application);
    if (!application) {
      throw new InvalidInputError(
        `Batch application "${input.application}" does not exist (known: ${this.applications.names().join(', ')}).`,
      );
    }
    // The job belongs to an OLTP database (of the installation): its settings are checked against that one.
    // Its content language defaults to that OLTP database's language.
    const named = input.batch.oltpDatabase?.trim();
    const resolved = named ? await new OltpService(this.db).resolve(named) : null;
    const oltp = resolved?.name ?? input.batch.oltpDatabase;
    const settings = await application.parseSettings(input.settings, oltpDb(this.db, oltp || 'default'));
    const contentLanguage = input.batch.contentLanguage?.trim() || resolved?.language;
    const batch = validateBatchSettings(
      { ...input.batch, oltpDatabase: oltp, contentLanguage },
      this.clock(),
      {
        timeFormat: input.timeFormat,
      },
    );
    const queueId = await findQueueId(this.db, batch.queue);
    if (queueId === null)
      throw new InvalidInputError(`Processing queue "${batch.queue}" does not exist.`, { field: 'queue' });
    const release = batch.releaseImmediately;
    const state: JobState = !release ? 'planned' : batch.startMode === 'add-to-queue' ? 'ready' : 'released';
    const nameTaken = () =>
      new ConfigError('JOB_NAME_TAKEN', `A batch job named "${batch.name}" is still open.`);
    const id = await this.db.transaction(async (tx) => {
      const id = await insertJob(tx, {
        application: application.name,
        settings: settings as Record<string, unknown>,
        batch,
        queueId,
        state,
        dueAt: state === 'ready' ? this.clock() : null,
        released: release,
        waiter: input.waiter ?? null,
      }).catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') throw nameTaken();
        throw error;
      });
      if (id === null) throw nameTaken();
      if (state === 'ready') await wakeServers(tx, 'released');
      return id;
    });
    return await this.#get(id);
  }

  /**
   * Run again (job-rerun.ts): a job that has ended is filed once more with the same settings and runs now
   * (Add to queue, released). Returns the new job; the old one stays as it was.
   */
  async rerun(ref: string): Promise<BatchJob> {
    const job = await this.#get(await this.resolve(ref));
    return await this.file({
      application: job.application,
      settings: job.settings,
      batch: rerunBatchSettings(job),
    });
  }

  /** planned -> released (or ready for Add to queue). */
  async release(ref: string): Promise<BatchJob> {
    const job = await this.#get(await this.resolve(ref));
    if (job.state !== 'planned') {
      throw new ConfigError(
        'JOB_NOT_PLANNED',
        `Batch job ${job.id} is ${job.state}; only planned jobs can be released.`,
      );
    }
    const now = this.clock();
    const next = releasedSchedule(scheduleOf(job), now);
    if (!next)
      throw new ConfigError('SERIES_OVER', `Batch job ${job.id}: its series has no slot left before End.`);
    // Released after its start window: it could only become "missed", which nobody missed.
    if (
      job.startMode === 'once' &&
      next.dueAt &&
      now.getTime() > next.dueAt.getTime() + DEFAULT_TIMING.startWindowSeconds * 1000
    ) {
      throw new InvalidInputError(
        `Batch job ${job.id} was to start once at Begin ${formatInstant(next.dueAt, { timeZone: job.timeZone })}, which has passed; file it again with a new Begin.`,
      );
    }
    await this.db.transaction(async (tx) => {
      if (!(await releasePlanned(tx, job.id, next.state, next.dueAt)))
        throw new ConfigError('JOB_NOT_PLANNED', `Batch job ${job.id} is no longer planned.`);
      await wakeServers(tx, 'released');
    });
    return await this.#get(job.id);
  }

  /** Cancels a job not yet active; asks an active one to stop (it ends canceled after its current step). */
  async cancel(ref: string): Promise<{ job: BatchJob; outcome: 'canceled' | 'cancel-requested' }> {
    const job = await this.#get(await this.resolve(ref));
    const outcome = await this.db.transaction(async (tx) => {
      if (await cancelOpen(tx, job.id)) {
        if (job.startMode === 'series') {
          const notices = noticesForSeriesCanceled(job, null);
          await insertNotifications(tx, { user: job.user, jobId: job.id, runId: null }, notices);
        }
        return 'canceled' as const;
      }
      if (await requestCancel(tx, job.id)) {
        await wakeServers(tx, 'cancel');
        return 'cancel-requested' as const;
      }
      return null;
    });
    if (!outcome) {
      const now = await this.#get(job.id);
      throw new ConfigError(
        'JOB_NOT_CANCELABLE',
        `Batch job ${job.id} is ${now.state}; only planned, released, ready or active jobs can be canceled.`,
      );
    }
    return { job: await this.#get(job.id), outcome };
  }

  /** Scheduled: external: one run per trigger (a trigger during a run queues exactly one more). */
  async trigger(ref: string): Promise<{ job: BatchJob; outcome: 'ready' | 'pending' | 'waiting' }> {
    const job = await this.#get(await this.resolve(ref));
    if (job.startMode !== 'external') {
      throw new ConfigError(
        'JOB_NOT_EXTERNAL',
        `Batch job ${job.id} starts ${startModeText(job.startMode)}, not ${startModeText('external')}; only external jobs are triggered.`,
      );
    }
    const outcome = await this.db.transaction(async (tx) => {
      const outcome = await triggerExternal(tx, job.id);
      if (outcome === 'ready') await wakeServers(tx, 'trigger');
      return outcome;
    });
    if (!outcome) {
      const hint = job.state === 'planned' ? ' Release it first (kontor jobs release).' : '';
      throw new ConfigError(
        'JOB_NOT_TRIGGERABLE',
        `Batch job ${job.id} is ${job.state} and cannot be triggered.${hint}`,
      );
    }
    return { job: await this.#get(job.id), outcome };
  }

  /**
   * Edits a planned, released or ready job (else JOB_NOT_EDITABLE): the settings given replace the stored
   * ones as a whole, validated as at filing; state and due time are recomputed (job-edit.ts).
   */
  async edit(ref: string, input: EditJobInput): Promise<BatchJob> {
    const id = await this.resolve(ref);
    await editJob(this.db, this.applications, id, input, this.clock());
    return await this.#get(id);
  }

  /** Jobs matching the filter (limit: default 200, at most 1000), with their runs. */
  async list(filter: JobFilter = {}): Promise<JobWithRuns[]> {
    const limit = filter.limit ?? JOB_LIST_LIMIT.default;
    if (!Number.isInteger(limit) || limit < 1 || limit > JOB_LIST_LIMIT.max)
      throw new InvalidInputError(`The limit must be a whole number from 1 to ${JOB_LIST_LIMIT.max}.`, {
        field: 'limit',
      });
    for (const state of [...(filter.states ?? []), ...(filter.state ? [filter.state] : [])]) {
      if (!JOB_STATES.includes(state))
        throw new InvalidInputError(`State "${state}" is not one of: ${JOB_STATES.join(', ')}.`, {
          field: 'state',
        });
    }
    const jobs = await listJobs(this.db, filter);
    const runs = await listRuns(
      this.db,
      jobs.map((job) => job.id),
    );
    return jobs.map((job) => ({ ...job, runs: runs.filter((run) => run.jobId === job.id) }));
  }

  async show(ref: string): Promise<JobWithRuns> {
    const job = await this.#get(await this.resolve(ref));
    return { ...job, runs: await listRuns(this.db, [job.id]) };
  }

  /** A job id, or the name of a job (the open one, else the newest of that name). */
  async resolve(ref: string): Promise<number> {
    const value = ref.trim();
    if (/^\d+$/.test(value)) return Number(value);
    const id = await findJobIdByName(this.db, value);
    if (id === null) throw new NotFoundError('Batch job', value);
    return id;
  }

  async #get(id: number): Promise<BatchJob> {
    const job = await getJob(this.db, id);
    if (!job) throw new NotFoundError('Batch job', String(id));
    return job;
  }
}
