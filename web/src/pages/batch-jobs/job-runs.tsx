/** A job's runs (newest first) and the selected run's progress, counts and log. */
import { Alert, Fieldset, Stack, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import type { Job, Run } from '../../api/jobs.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { StateBadge } from '../../components/state-badge.tsx';
import { formatDateTime, formatDuration } from '../../format/date-time.ts';
import { runBadgeState, runEndReason } from '../../format/run-outcome.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { RunLogTable } from './run-log-table.tsx';
import { RunProgress } from './run-progress.tsx';

export function JobRuns({ job }: { job: Job }) {
  const t = useT();
  const runs = [...job.runs].reverse();
  const [selected, setSelected] = useState<number | null>(null);
  const run = runs.find((r) => r.id === selected) ?? runs[0] ?? null;
  return (
    <Stack gap="md">
      <DataTable
        minWidth={560}
        testId="runs-table"
        head={[
          t('jobs.run'),
          t('jobs.state'),
          t('jobs.appServer'),
          t('jobs.started'),
          t('jobs.duration'),
          t('jobs.read'),
        ]}
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
              <StateBadge state={runBadgeState(r)} />
            </Table.Td>
            <Table.Td>{r.appServer}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.startedAt)}</Table.Td>
            <Table.Td>{formatDuration(r.startedAt, r.finishedAt)}</Table.Td>
            <Table.Td>{r.counts?.read ?? 0}</Table.Td>
          </Table.Tr>
        ))}
        empty={
          <EmptyHint
            title={t('jobs.noRunTitle')}
            icon={<IconHistory size={22} />}
            hint={job.state === 'planned' ? t('jobs.noRunPlanned') : t('jobs.noRunWaiting')}
          />
        }
      />
      {run && (
        <Fieldset legend={t('jobs.runLegend', { id: run.id })}>
          <Stack gap="md">
            <RunOutcomeAlert run={run} />
            <RunProgress run={run} />
            <RunLogTable jobId={job.id} run={run} />
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}

const END_TITLES: Record<string, MessageKey> = {
  failed: 'jobs.runFailed',
  canceled: 'jobs.runCanceled',
  abandoned: 'jobs.runAbandoned',
};

/** Why the run did not finish, or that it finished with errors; nothing for a clean or running run. */
function RunOutcomeAlert({ run }: { run: Run }) {
  const t = useT();
  const reason = runEndReason(run);
  if (reason) {
    const endTitle = END_TITLES[run.state];
    const title = run.reason === 'timeout' ? t('jobs.runTimeout') : endTitle && t(endTitle);
    return (
      <Alert
        color={run.state === 'canceled' ? 'orange' : 'red'}
        title={title}
        py="xs"
        data-testid="run-outcome"
      >
        {reason}{' '}
        {run.error && (
          <Text span c="dimmed" size="xs">
            ({run.error.code})
          </Text>
        )}
      </Alert>
    );
  }
  const errors = run.counts?.errors ?? 0;
  if (run.state === 'finished' && run.hasErrors)
    return (
      <Alert
        color="red"
        variant="light"
        title={t('jobs.finishedWithErrors')}
        py="xs"
        data-testid="run-outcome"
      >
        {t('jobs.notImportedErrors', { count: errors })}
      </Alert>
    );
  return null;
}
