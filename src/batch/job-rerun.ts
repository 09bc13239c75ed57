/**
 * Run again: a job that has ended (finished, failed, canceled, missed, abandoned) filed once more with the
 * same settings: the Application tab as stored and the Batch settings tab (name, user, OLTP database,
 * content language, queue, application server, maximum run time, notifications), started "Add to queue"
 * and released at once, so that it runs now. A schedule (Begin, serial pattern, End) is not carried over:
 * it belonged to the series that ended; a new series is filed in the dialog.
 */
import type { BatchJob, JobState } from '../domain/batch-job.ts';
import { ConfigError } from '../domain/errors.ts';
import type { BatchSettingsInput } from './batch-settings.ts';

export const RERUN_STATES: readonly JobState[] = ['finished', 'failed', 'canceled', 'missed', 'abandoned'];

/** The Batch settings of the new job; throws JOB_NOT_ENDED for a job that has not ended. */
export function rerunBatchSettings(job: BatchJob): BatchSettingsInput {
  if (!RERUN_STATES.includes(job.state)) {
    throw new ConfigError(
      'JOB_NOT_ENDED',
      `Batch job ${job.id} is ${job.state}; only a job that has ended (${RERUN_STATES.join(', ')}) can be run again.`,
    );
  }
  return {
    // A name Kontor made up ("import-customers-12") is made up again for the new job.
    name: job.name === `${job.application}-${job.id}` ? null : job.name,
    user: job.user,
    oltpDatabase: job.oltpDatabase,
    contentLanguage: job.contentLanguage,
    queue: job.queue,
    appServer: job.appServer,
    startMode: 'add-to-queue',
    maxRunSeconds: job.maxRunSeconds,
    timeoutNotification: job.timeoutNotification,
    timeZone: job.timeZone,
    notification: job.notification,
    releaseImmediately: true,
  };
}
