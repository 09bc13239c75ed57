/**
 * Release, cancel, trigger and run again a job, with a message of the outcome; the caller reloads (and, after
 * Run again, may open the new job: onRerun).
 */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { cancelJob, type Job, releaseJob, rerunJob, triggerJob } from '../../api/jobs.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { MessageKey } from '../../i18n/translate.ts';

export type JobAction = 'release' | 'cancel' | 'trigger' | 'rerun';

const TRIGGER_OUTCOME = {
  ready: 'jobs.triggerReady',
  pending: 'jobs.triggerPending',
  waiting: 'jobs.triggerWaiting',
} as const satisfies Record<string, MessageKey>;

export function useJobActions(onDone: () => void, onRerun?: (job: Job) => void) {
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);

  async function run(job: Job, action: JobAction) {
    setBusy(`${job.id}:${action}`);
    try {
      if (action === 'release') {
        const released = await releaseJob(job.id);
        notifications.show({
          color: 'green',
          message: t('jobs.released', { id: job.id, name: job.name, state: t(`state.${released.state}`) }),
        });
      } else if (action === 'cancel') {
        const { outcome } = await cancelJob(job.id);
        notifications.show({
          color: 'orange',
          message:
            outcome === 'canceled'
              ? t('jobs.canceled', { id: job.id, name: job.name })
              : t('jobs.cancelAsked', { id: job.id, name: job.name }),
        });
      } else if (action === 'rerun') {
        const filed = await rerunJob(job.id);
        notifications.show({
          color: 'green',
          message: t('jobs.rerunFiled', {
            id: filed.id,
            name: filed.name,
            from: job.id,
            state: t(`state.${filed.state}`),
          }),
        });
        onRerun?.(filed);
      } else {
        const { outcome } = await triggerJob(job.id);
        notifications.show({
          color: 'blue',
          message: t(TRIGGER_OUTCOME[outcome], { id: job.id, name: job.name }),
        });
      }
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('jobs.batchJob', { id: job.id }),
        message: errorMessage(error),
      });
    } finally {
      setBusy(null);
      onDone();
    }
  }

  return { run, busy };
}
