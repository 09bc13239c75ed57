/** Release, cancel and trigger a job, with a message of the outcome; the caller reloads. */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { cancelJob, type Job, releaseJob, triggerJob } from '../../api/jobs.ts';

export type JobAction = 'release' | 'cancel' | 'trigger';

const TRIGGER_OUTCOME = {
  ready: 'is ready and starts when its queue is free',
  pending: 'is running; one more run follows',
  waiting: 'already waits for its run',
} as const;

export function useJobActions(onDone: () => void) {
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
