/** The Batch jobs list: one row per job, newest first; a click opens the details. */
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { type Job, START_MODE_LABELS } from '../../api/jobs.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { JobName } from '../../components/job-name.tsx';
import { StateBadge } from '../../components/state-badge.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { jobBadgeState } from '../../format/run-outcome.ts';
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
            <StateBadge state={jobBadgeState(job)} label={job.cancelRequested ? 'canceling' : undefined} />
            <Text size="xs" c="dimmed">
              {START_MODE_LABELS[job.startMode]}
            </Text>
          </Stack>
        </Table.Td>
        <Table.Td>{job.queue}</Table.Td>
        <Table.Td>{job.user}</Table.Td>
        <Table.Td>
          {job.appServer ?? (
            <Text c="dimmed" size="sm">
              any
            </Text>
          )}
        </Table.Td>
        <Table.Td className="kontor-wrap" miw={180} maw={240}>
          {last ? (
            <RunSummary run={last} />
          ) : (
            <Text c="dimmed" size="sm">
              no run yet
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
      head={['ID', 'Batch job', 'State / start', 'Queue', 'User', 'Server', 'Last run', 'Created', '']}
      rows={rows}
      empty={
        filtered ? (
          <EmptyHint
            title="No batch job matches"
            hint="Change or clear the filters."
            icon={<IconListDetails size={22} />}
          />
        ) : (
          <EmptyHint
            title="No batch jobs yet"
            icon={<IconListDetails size={22} />}
            hint={
              <>
                File one with{' '}
                <Anchor component={Link} to="/import-customers" size="sm">
                  Import customers
                </Anchor>{' '}
                and its [In batch] button.
              </>
            }
          />
        )
      }
    />
  );
}
