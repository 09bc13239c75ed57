/**
 * The actions a job's state allows: Release (planned), Trigger (external), Edit and Cancel (open jobs; an
 * active job can be asked to cancel), Run again (ended jobs). Icons in the table, labelled buttons in the details.
 */
import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import { IconBolt, IconPencil, IconPlayerPlay, IconRepeat, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { type Job, OPEN_STATES, RERUN_STATES } from '../../api/jobs.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { JobAction } from './use-job-actions.ts';

interface JobRowActionsProps {
  job: Job;
  busy: string | null;
  onAction: (job: Job, action: JobAction) => void;
  onEdit: (job: Job) => void;
  /** Icon buttons (table rows) instead of labelled buttons. */
  compact?: boolean;
}

export function canTrigger(job: Job): boolean {
  return job.startMode === 'external' && (job.state === 'released' || job.state === 'active');
}

export function canCancel(job: Job): boolean {
  return OPEN_STATES.includes(job.state) || (job.state === 'active' && !job.cancelRequested);
}

interface ActionSpec {
  key: JobAction | 'edit';
  label: MessageKey;
  color: string;
  icon: ReactNode;
  run: () => void;
}

export function JobRowActions({ job, busy, onAction, onEdit, compact = false }: JobRowActionsProps) {
  const t = useT();
  const actions: ActionSpec[] = [];
  if (job.state === 'planned')
    actions.push({
      key: 'release',
      label: 'jobs.release',
      color: 'green',
      icon: <IconPlayerPlay size={16} />,
      run: () => onAction(job, 'release'),
    });
  if (canTrigger(job))
    actions.push({
      key: 'trigger',
      label: 'jobs.trigger',
      color: 'blue',
      icon: <IconBolt size={16} />,
      run: () => onAction(job, 'trigger'),
    });
  if (OPEN_STATES.includes(job.state))
    actions.push({
      key: 'edit',
      label: 'common.edit',
      color: 'gray',
      icon: <IconPencil size={16} />,
      run: () => onEdit(job),
    });
  if (RERUN_STATES.includes(job.state))
    actions.push({
      key: 'rerun',
      label: 'jobs.rerun',
      color: 'blue',
      icon: <IconRepeat size={16} />,
      run: () => onAction(job, 'rerun'),
    });
  if (canCancel(job))
    actions.push({
      key: 'cancel',
      label: 'common.cancel',
      color: 'red',
      icon: <IconX size={16} />,
      run: () => onAction(job, 'cancel'),
    });

  return (
    <Group
      gap={compact ? 2 : 6}
      wrap="nowrap"
      justify="flex-end"
      onClick={(event) => event.stopPropagation()}
    >
      {actions.map((action) =>
        compact ? (
          <Tooltip key={action.key} label={t(action.label)} withArrow>
            <ActionIcon
              variant="subtle"
              color={action.color}
              loading={busy === `${job.id}:${action.key}`}
              onClick={action.run}
              aria-label={t('jobs.actionOn', { action: t(action.label), id: job.id })}
            >
              {action.icon}
            </ActionIcon>
          </Tooltip>
        ) : (
          <Button
            key={action.key}
            size="xs"
            variant="light"
            color={action.color}
            leftSection={action.icon}
            loading={busy === `${job.id}:${action.key}`}
            onClick={action.run}
            aria-label={t('jobs.actionOn', { action: t(action.label), id: job.id })}
          >
            {t(action.label)}
          </Button>
        ),
      )}
    </Group>
  );
}
