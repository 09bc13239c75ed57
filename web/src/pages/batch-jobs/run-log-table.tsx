/** A run's log (GET /api/jobs/:id/runs/:runId/log): one line per record not imported, per warning, per deletion. */
import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { fetchRunLog, type LogLevel } from '../../api/jobs.ts';
import { reviewPath } from '../../api/records.ts';
import { DataTable } from '../../components/data-table.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../../format/date-time.ts';
import { useLoader } from '../../hooks/use-loader.ts';

const LEVEL_COLORS: Record<LogLevel, string> = {
  error: 'red',
  warning: 'yellow',
  awaiting: 'orange',
  skipped: 'gray',
  info: 'blue',
};

interface RunLogTableProps {
  jobId: number;
  runId: number;
  active: boolean;
}

export function RunLogTable({ jobId, runId, active }: RunLogTableProps) {
  const { data, error, reload } = useLoader(
    () => fetchRunLog(jobId, runId),
    `log:${jobId}:${runId}:${active}`, // once more when the run ends
    active ? 2000 : null,
  );
  const [level, setLevel] = useState<string>('all');
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <PageLoader />;
  const lines = data.log.filter((line) => level === 'all' || line.level === level);
  const levels = [...new Set(data.log.map((line) => line.level))];
  const importRun = data.importRun;
  return (
    <Stack gap="sm" data-testid="run-log">
      <Group justify="space-between">
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {importRun
              ? `Import run ${importRun.id} of ${importRun.channel}; watermark ${formatDateTime(importRun.watermarkBefore)} → ${formatDateTime(importRun.watermarkAfter)}`
              : 'No import run was started.'}
          </Text>
          {importRun && (
            <Anchor
              component={Link}
              to={reviewPath({ channel: importRun.channel })}
              size="sm"
              data-testid="run-log-review"
            >
              Review records not imported
            </Anchor>
          )}
        </Group>
        {levels.length > 1 && (
          <SegmentedControl
            size="xs"
            value={level}
            onChange={setLevel}
            data={[{ value: 'all', label: 'All' }, ...levels.map((l) => ({ value: l, label: l }))]}
          />
        )}
      </Group>
      <DataTable
        minWidth={600}
        testId="run-log-table"
        head={['Level', 'External id', 'Code', 'Message']}
        rows={lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: log lines have no id and never reorder
          <Table.Tr key={index}>
            <Table.Td>
              <Badge color={LEVEL_COLORS[line.level]}>{line.level}</Badge>
            </Table.Td>
            <Table.Td ff="monospace">{line.externalId ?? '–'}</Table.Td>
            <Table.Td ff="monospace" fz="xs">
              {line.code}
            </Table.Td>
            <Table.Td className="kontor-wrap">{line.message}</Table.Td>
          </Table.Tr>
        ))}
        empty={
          <EmptyHint
            title="Nothing logged"
            hint="Every record read was imported; records with errors, awaiting confirmation or skipped would be listed here."
            icon={<IconFileText size={22} />}
          />
        }
      />
    </Stack>
  );
}
