/**
 * Where a job goes after a run (pure). One-shot jobs (Add to queue, At restart, Once only) end with their
 * run; an external job waits for the next trigger (or runs again at once when one came during the run); a
 * series waits for its next slot after now (so after downtime at most one catch-up run) until End.
 */
import type { BatchJob, BatchSettings, JobState } from '../domain/batch-job.ts';
import type { BatchRunState } from '../domain/batch-run.ts';
import { slotAfter, slotAtOrAfter } from './schedule.ts';

export interface RunResult {
  state: Exclude<BatchRunState, 'active'>;
  /** The failure needs the user (configuration, credentials): a series stops. */
  needsUser: boolean;
}

export interface NextJobState {
  state: JobState;
  dueAt: Date | null;
  /** A series ended before its End. */
  seriesCanceled: boolean;
}

type JobFacts = Pick<
  BatchJob,
  'startMode' | 'pattern' | 'timeZone' | 'end' | 'dueAt' | 'triggerPending' | 'cancelRequested'
>;

export function nextAfterRun(job: JobFacts, run: RunResult, now: Date): NextJobState {
  const series = job.startMode === 'series';
  // A cancel requested while the run was active ends the job, even when the run got to its end first.
  if (run.state === 'canceled' || job.cancelRequested)
    return { state: 'canceled', dueAt: null, seriesCanceled: series };
  if (job.startMode === 'external') {
    return job.triggerPending
      ? { state: 'ready', dueAt: now, seriesCanceled: false }
      : { state: 'released', dueAt: null, seriesCanceled: false };
  }
  if (series) {
    if (run.state === 'failed' && run.needsUser)
      return { state: 'failed', dueAt: null, seriesCanceled: true };
    return nextSlot(job, now);
  }
  return { state: run.state, dueAt: null, seriesCanceled: false };
}

/** A series' next slot after now (and after the slot just run); finished when End comes first. */
export function nextSlot(job: JobFacts, now: Date): NextJobState {
  const due = job.dueAt ? new Date(job.dueAt) : now;
  const after = due.getTime() > now.getTime() ? due : now;
  const end = job.end ? new Date(job.end) : null;
  const next = slotAfter(job.pattern ?? '', job.timeZone, after, end);
  return next
    ? { state: 'released', dueAt: next, seriesCanceled: false }
    : { state: 'finished', dueAt: null, seriesCanceled: false };
}

/** What decides when a released job becomes due. */
export type ScheduleFacts = Pick<BatchSettings, 'startMode' | 'begin' | 'pattern' | 'timeZone' | 'end'>;

export interface ReleasedSchedule {
  state: 'released' | 'ready';
  dueAt: Date | null;
}

/**
 * Where a job stands once released (at release, or after an edit of a released or ready job): Add to queue
 * is ready now; Once only is due at Begin; a series at its first slot from Begin (or now, if Begin passed);
 * External and At restart wait, with no due time, for a trigger or a server start. Null: a series whose End
 * leaves no slot.
 */
export function releasedSchedule(job: ScheduleFacts, now: Date): ReleasedSchedule | null {
  switch (job.startMode) {
    case 'add-to-queue':
      return { state: 'ready', dueAt: now };
    case 'once':
      return { state: 'released', dueAt: job.begin ?? now };
    case 'series': {
      const from = job.begin && job.begin.getTime() > now.getTime() ? job.begin : now;
      const dueAt = slotAtOrAfter(job.pattern ?? '', job.timeZone, from, job.end);
      return dueAt ? { state: 'released', dueAt } : null;
    }
    default:
      return { state: 'released', dueAt: null };
  }
}

/** The schedule facts of a stored job (its times as Dates). */
export function scheduleOf(job: BatchJob): ScheduleFacts {
  return {
    startMode: job.startMode,
    begin: job.begin === null ? null : new Date(job.begin),
    pattern: job.pattern,
    timeZone: job.timeZone,
    end: job.end === null ? null : new Date(job.end),
  };
}

export function sameSchedule(a: ScheduleFacts, b: ScheduleFacts): boolean {
  return (
    a.startMode === b.startMode &&
    a.begin?.getTime() === b.begin?.getTime() &&
    a.pattern === b.pattern &&
    a.timeZone === b.timeZone &&
    a.end?.getTime() === b.end?.getTime()
  );
}
