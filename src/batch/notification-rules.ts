/**
 * Which notifications a job's user gets (pure rules, DESIGN.md section 4):
 * - Notification: none = nothing at the end of a run; dialog / workflow = always; dialog-errors /
 *   workflow-errors = only when the run had errors (records failed, the run failed, timed out, was abandoned).
 *   A run canceled by a user counts as without errors. A missed once-only job counts as an error.
 * - Timeout notification: one more notice when the Maximum run time stopped the run, whatever Notification says.
 * - Series canceled: one more notice when a series ends before its End (canceled, or stopped because a run
 *   failed in a way only the user can mend).
 * Timeout and series-canceled notices go the way Notification points: workflow for workflow*, else dialog.
 */
import type { BatchJob, NotificationSetting } from '../domain/batch-job.ts';
import type { Notice, NoticeChannel } from '../domain/notice.ts';

type JobFacts = Pick<
  BatchJob,
  'name' | 'id' | 'notification' | 'timeoutNotification' | 'seriesCanceledNotification'
>;

export function channelOf(setting: NotificationSetting): NoticeChannel {
  return setting.startsWith('workflow') ? 'workflow' : 'dialog';
}

/** The end-of-run notice channel, or null when this setting stays silent for this outcome. */
export function runEndChannel(setting: NotificationSetting, hasErrors: boolean): NoticeChannel | null {
  if (setting === 'none') return null;
  if (setting.endsWith('-errors') && !hasErrors) return null;
  return channelOf(setting);
}

export interface RunEndFacts {
  hasErrors: boolean;
  timedOut: boolean;
  seriesCanceled: boolean;
  /** e.g. "Import run 7 of sales channel "shop" finished: read 40, ..." */
  summary: string;
  /** finished, failed, canceled, abandoned */
  state: string;
}

export function noticesForRunEnd(job: JobFacts, run: RunEndFacts): Notice[] {
  const notices: Notice[] = [];
  const channel = runEndChannel(job.notification, run.hasErrors);
  const label = `Batch job "${job.name}" (${job.id})`;
  if (channel) {
    const outcome = run.hasErrors ? `${run.state} with errors` : run.state;
    notices.push({
      channel,
      topic: 'run-ended',
      hasErrors: run.hasErrors,
      title: `${label} ${outcome}`,
      message: run.summary,
    });
  }
  if (run.timedOut && job.timeoutNotification) {
    notices.push({
      channel: channelOf(job.notification),
      topic: 'timeout',
      hasErrors: true,
      title: `${label} reached its maximum run time`,
      message: `The run was stopped after its maximum run time. ${run.summary}`,
    });
  }
  if (run.seriesCanceled) notices.push(...noticesForSeriesCanceled(job, run.summary));
  return notices;
}

export function noticesForSeriesCanceled(job: JobFacts, reason: string): Notice[] {
  if (!job.seriesCanceledNotification) return [];
  return [
    {
      channel: channelOf(job.notification),
      topic: 'series-canceled',
      hasErrors: true,
      title: `Series of batch job "${job.name}" (${job.id}) canceled`,
      message: reason,
    },
  ];
}

export function noticesForMissed(job: JobFacts & Pick<BatchJob, 'begin'>): Notice[] {
  const channel = runEndChannel(job.notification, true);
  if (!channel) return [];
  return [
    {
      channel,
      topic: 'missed',
      hasErrors: true,
      title: `Batch job "${job.name}" (${job.id}) missed its start`,
      message: `No application server started it in its start window after Begin ${job.begin}.`,
    },
  ];
}
