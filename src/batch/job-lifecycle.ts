/**
 * Where a job goes after a run (pure). One-shot jobs (Add to queue, At restart, Once only) end with their
 * run; an external job waits for the next trigger (or runs again at once when one came during the run); a
 * series waits for its next slot after now (so after downtime at most one catch-up run) until End.
 */
import type { BatchJob, JobState, RunState } from './job-types.ts';
import { slotAfter } from './schedule.ts';

export interface RunResult {
  state: Exclude<RunState, 'active'>;
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
