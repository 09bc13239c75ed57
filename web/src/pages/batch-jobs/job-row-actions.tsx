/** The actions a job's state allows: Release (planned), Trigger (external), Edit and Cancel (open jobs). */
import { Button, Group } from '@mantine/core';
import { type Job, OPEN_STATES } from '../../api/jobs.ts';
import type { JobAction } from './use-job-actions.ts';

interface JobRowActionsProps {
  job: Job;
  busy: string | null;
  onAction: (job: Job, action: JobAction) => void;
  onEdit: (job: Job) => void;
}

export function canTrigger(job: Job): boolean {
  return job.startMode === 'external' && (job.state === 'released' || job.state === 'active');
}

export function canCancel(job: Job): boolean {
  return OPEN_STATES.includes(job.state) || (job.state === 'active' && !job.cancelRequested);
}

export function JobRowActions({ job, busy, onAction, onEdit }: JobRowActionsProps) {
  const loading = (action: string) => busy === `${job.id}:${action}`;
  const stop = (event: React.MouseEvent) => event.stopPropagation();
  return (
    <Group gap={4} wrap="nowrap" onClick={stop}>
      {job.state === 'planned' && (
        <Button
          size="compact-xs"
          variant="light"
          color="green"
          loading={loading('release')}
          onClick={() => onAction(job, 'release')}
          aria-label={`Release job ${job.id}`}
        >
          Release
        </Button>
      )}
      {canTrigger(job) && (
        <Button
          size="compact-xs"
          variant="light"
          loading={loading('trigger')}
          onClick={() => onAction(job, 'trigger')}
          aria-label={`Trigger job ${job.id}`}
        >
          Trigger
        </Button>
      )}
      {OPEN_STATES.includes(job.state) && (
        <Button
          size="compact-xs"
          variant="light"
          color="gray"
          onClick={() => onEdit(job)}
          aria-label={`Edit job ${job.id}`}
        >
          Edit
        </Button>
      )}
      {canCancel(job) && (
        <Button
          size="compact-xs"
          variant="light"
          color="red"
          loading={loading('cancel')}
          onClick={() => onAction(job, 'cancel')}
          aria-label={`Cancel job ${job.id}`}
        >
          Cancel
        </Button>
      )}
    </Group>
  );
}
