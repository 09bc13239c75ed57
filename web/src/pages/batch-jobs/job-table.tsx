/** The Batch jobs list: one row per job, newest first; a click opens the details. */
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { type Job, START_MODE_KEYS } from '../../api/jobs.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { JobName } from '../../components/job-name.tsx';
import { StateBadge } from '../../components/state-badge.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { jobBadgeState } from '../../format/run-outcome.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { JobRowActions } from './job-row-actions.tsx';
import { RunSummary } from './run-summary.tsx';
import type { JobAction } from './use-job-actions.ts';

interface JobTableProps {
  jobs: Job[];
  filtered: boolean;
  busy: string | null;
  onOpen: (job: Job) => void;
  onAction: (job: Job, action: JobAction) => void;
  onEdit: (job: Job) => void;
}

export function JobTable({ jobs, filtered, busy, onOpen, onAction, onEdit }: JobTableProps) {
  const t = useT();
  const rows = jobs.map((job) => {
    const last = job.runs[job.runs.length - 1] ?? null;
    return (
      <Table.Tr
        key={job.id}
        className="kontor-clickable-row"
        onClick={() => onOpen(job)}
        data-testid={`job-row-${job.id}`}
        data-state={job.state}
        data-last-run={last?.state}
        data-outcome={jobBadgeState(job)}
      >
        <Table.Td c="dimmed">{job.id}</Table.Td>
        <Table.Td>
          <JobName name={job.name} fw={500} testId={`job-name-${job.id}`} />
          <Text size="xs" c="dimmed">
            {job.applicationLabel}
          </Text>
        </Table.Td>
        <Table.Td>
          <Stack gap={2} align="flex-start">
            <StateBadge
              state={jobBadgeState(job)}
              label={job.cancelRequested ? t('jobs.canceling') : undefined}
            />
            <Text size="xs" c="dimmed">
              {t(START_MODE_KEYS[job.startMode])}
            </Text>
          </Stack>
        </Table.Td>
        <Table.Td>{job.queue}</Table.Td>
        <Table.Td>{job.user}</Table.Td>
        <Table.Td>
          {job.appServer ?? (
            <Text c="dimmed" size="sm">
              {t('settings.anyServer')}
            </Text>
          )}
        </Table.Td>
        <Table.Td className="kontor-wrap" miw={180} maw={240}>
          {last ? (
            <RunSummary run={last} />
          ) : (
            <Text c="dimmed" size="sm">
              {t('jobs.noRunYet')}
            </Text>
          )}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(job.createdAt)}</Table.Td>
        <Table.Td>
          <JobRowActions compact job={job} busy={busy} onAction={onAction} onEdit={onEdit} />
        </Table.Td>
      </Table.Tr>
    );
  });
  return (
    <DataTable
      testId="jobs-table"
      minWidth={1050}
      head={[
        t('jobs.id'),
        t('settings.jobName'),
        t('jobs.stateStart'),
        t('jobs.queueShort'),
        t('jobs.user'),
        t('jobs.server'),
        t('jobs.lastRun'),
        t('common.created'),
        '',
      ]}
      rows={rows}
      empty={
        filtered ? (
          <EmptyHint
            title={t('jobs.noneMatch')}
            hint={t('common.changeFilters')}
            icon={<IconListDetails size={22} />}
          />
        ) : (
          <EmptyHint
            title={t('jobs.noneYet')}
            icon={<IconListDetails size={22} />}
            hint={
              <>
                {t('jobs.noneYetBefore')}{' '}
                <Anchor component={Link} to="/import-customers" size="sm">
                  {t('nav.importCustomers')}
                </Anchor>{' '}
                {t('jobs.noneYetAfter')}
              </>
            }
          />
        )
      }
    />
  );
}
