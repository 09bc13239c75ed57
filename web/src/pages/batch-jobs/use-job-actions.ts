/**
 * Release, cancel, trigger and run again a job, with a message of the outcome; the caller reloads (and, after
 * Run again, may open the new job: onRerun).
 */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { cancelJob, type Job, releaseJob, rerunJob, triggerJob } from '../../api/jobs.ts';

export type JobAction = 'release' | 'cancel' | 'trigger' | 'rerun';

const TRIGGER_OUTCOME = {
  ready: 'is ready and starts when its queue is free',
  pending: 'is running; one more run follows',
  waiting: 'already waits for its run',
} as const;

export function useJobActions(onDone: () => void, onRerun?: (job: Job) => void) {
  const [busy, setBusy] = useState<string | null>(null);

  async function run(job: Job, action: JobAction) {
    setBusy(`${job.id}:${action}`);
    try {
      if (action === 'release') {
        const released = await releaseJob(job.id);
        notifications.show({
          color: 'green',
          message: `Batch job ${job.id} "${job.name}" is ${released.state}.`,
        });
      } else if (action === 'cancel') {
        const { outcome } = await cancelJob(job.id);
        notifications.show({
          color: 'orange',
          message:
            outcome === 'canceled'
              ? `Batch job ${job.id} "${job.name}" was canceled.`
              : `Batch job ${job.id} "${job.name}" stops after the page it is writing.`,
        });
      } else if (action === 'rerun') {
        const filed = await rerunJob(job.id);
        notifications.show({
          color: 'green',
          message: `Batch job ${filed.id} "${filed.name}" filed again from job ${job.id}: ${filed.state}.`,
        });
        onRerun?.(filed);
      } else {
        const { outcome } = await triggerJob(job.id);
        notifications.show({
          color: 'blue',
          message: `Batch job ${job.id} "${job.name}" ${TRIGGER_OUTCOME[outcome]}.`,
        });
      }
    } catch (error) {
      notifications.show({ color: 'red', title: `Batch job ${job.id}`, message: errorMessage(error) });
    } finally {
      setBusy(null);
      onDone();
    }
  }

  return { run, busy };
}
