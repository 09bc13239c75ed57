/**
 * Which notifications a job's user gets (pure rules, DESIGN.md section 4):
 * - Notification: none = nothing at the end of a run; dialog / workflow = always; dialog-errors /
 *   workflow-errors = only when the run had errors (records failed, the run failed, timed out, was abandoned).
 *   A run canceled by a user counts as without errors. A missed once-only job counts as an error.
 * - Timeout notification: one more notice when the Maximum run time stopped the run, whatever Notification says.
 * - Series canceled: one more notice when a series ends before its End (canceled, or stopped because a run
 *   failed in a way only the user can mend).
 * Timeout and series-canceled notices go the way Notification points: workflow for workflow*, else dialog.
 * Titles and messages are in the job's content language (domain/messages), rendered when they are written.
 */
import type { BatchJob, NotificationSetting } from '../domain/batch-job.ts';
import { type Messages, messagesFor } from '../domain/messages/messages.ts';
import type { Notice, NoticeChannel } from '../domain/notice.ts';

type JobFacts = Pick<
  BatchJob,
  'name' | 'id' | 'notification' | 'timeoutNotification' | 'seriesCanceledNotification'
> &
  Partial<Pick<BatchJob, 'contentLanguage'>>;

/** The states a run ends in, as the notice titles name them. */
export type EndedState = 'finished' | 'failed' | 'canceled' | 'abandoned';

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
  state: EndedState;
}

export function noticesForRunEnd(job: JobFacts, run: RunEndFacts): Notice[] {
  const notices: Notice[] = [];
  const messages = messagesFor(job.contentLanguage);
  const channel = runEndChannel(job.notification, run.hasErrors);
  const label = jobLabel(job, messages);
  if (channel) {
    notices.push({
      channel,
      topic: 'run-ended',
      hasErrors: run.hasErrors,
      title: messages.say(`notice.run-ended.${run.state}${run.hasErrors ? '-errors' : ''}`, { job: label }),
      message: run.summary,
    });
  }
  if (run.timedOut && job.timeoutNotification) {
    notices.push({
      channel: channelOf(job.notification),
      topic: 'timeout',
      hasErrors: true,
      title: messages.say('notice.timeout.title', { job: label }),
      message: messages.say('notice.timeout.message', { summary: run.summary }),
    });
  }
  if (run.seriesCanceled) notices.push(...noticesForSeriesCanceled(job, run.summary));
  return notices;
}

/** `reason`: the summary of the run that ended the series, or null for a user's cancel. */
export function noticesForSeriesCanceled(job: JobFacts, reason: string | null): Notice[] {
  if (!job.seriesCanceledNotification) return [];
  const messages = messagesFor(job.contentLanguage);
  return [
    {
      channel: channelOf(job.notification),
      topic: 'series-canceled',
      hasErrors: true,
      title: messages.say('notice.series-canceled.title', { name: job.name, id: String(job.id) }),
      message: reason ?? messages.say('notice.series-canceled.by-user', {}),
    },
  ];
}

export function noticesForMissed(job: JobFacts & Pick<BatchJob, 'begin'>): Notice[] {
  const channel = runEndChannel(job.notification, true);
  if (!channel) return [];
  const messages = messagesFor(job.contentLanguage);
  return [
    {
      channel,
      topic: 'missed',
      hasErrors: true,
      title: messages.say('notice.missed.title', { job: jobLabel(job, messages) }),
      message: messages.say('notice.missed.message', { begin: String(job.begin) }),
    },
  ];
}

function jobLabel(job: JobFacts, messages: Messages): string {
  return messages.say('notice.job', { name: job.name, id: String(job.id) });
}
