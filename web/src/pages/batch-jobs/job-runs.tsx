/** A job's runs (newest first) and the selected run's progress, counts and log. */
import { Alert, Fieldset, Stack, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import type { Job } from '../../api/jobs.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { StateBadge } from '../../components/state-badge.tsx';
import { formatDateTime, formatDuration } from '../../format/date-time.ts';
import { RunLogTable } from './run-log-table.tsx';
import { RunProgress } from './run-progress.tsx';

export function JobRuns({ job }: { job: Job }) {
  const runs = [...job.runs].reverse();
  const [selected, setSelected] = useState<number | null>(null);
  const run = runs.find((r) => r.id === selected) ?? runs[0] ?? null;
  return (
    <Stack gap="md">
      <DataTable
        minWidth={560}
        testId="runs-table"
        head={['Run', 'State', 'Application server', 'Started', 'Duration', 'Read']}
        rows={runs.map((r) => (
          <Table.Tr
            key={r.id}
            className="kontor-clickable-row"
            onClick={() => setSelected(r.id)}
            bg={r.id === run?.id ? 'var(--mantine-color-blue-light)' : undefined}
            data-testid={`run-row-${r.id}`}
          >
            <Table.Td>{r.id}</Table.Td>
            <Table.Td>
              <StateBadge state={r.state} />
            </Table.Td>
            <Table.Td>{r.appServer}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.startedAt)}</Table.Td>
            <Table.Td>{formatDuration(r.startedAt, r.finishedAt)}</Table.Td>
            <Table.Td>{r.counts?.read ?? 0}</Table.Td>
          </Table.Tr>
        ))}
        empty={
          <EmptyHint
            title="No run yet"
            icon={<IconHistory size={22} />}
            hint={
              job.state === 'planned'
                ? 'Release the job to let it run.'
                : 'The job runs when its start condition is met and its queue is free.'
            }
          />
        }
      />
      {run && (
        <Fieldset legend={`Run ${run.id}`}>
          <Stack gap="md">
            {run.error && (
              <Alert color="red" title={run.reason ? `Run ${run.reason}` : 'Run failed'} py="xs">
                {run.error.message}{' '}
                <Text span c="dimmed" size="xs">
                  ({run.error.code})
                </Text>
              </Alert>
            )}
            <RunProgress run={run} />
            <RunLogTable jobId={job.id} runId={run.id} active={run.state === 'active'} />
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}
