/** A run's counts; while it is active, a running bar and the records read so far (counts grow per page). */
import { Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Run, RunCounts } from '../../api/jobs.ts';
import { formatDuration } from '../../format/date-time.ts';

const COUNT_LABELS: { key: keyof RunCounts; label: string; color?: string }[] = [
  { key: 'read', label: 'Read' },
  { key: 'created', label: 'Created', color: 'green' },
  { key: 'updated', label: 'Updated', color: 'blue' },
  { key: 'unchanged', label: 'Unchanged' },
  { key: 'skipped', label: 'Skipped' },
  { key: 'warnings', label: 'Warnings', color: 'yellow' },
  { key: 'awaiting', label: 'Awaiting', color: 'orange' },
  { key: 'errors', label: 'Errors', color: 'red' },
  { key: 'deactivated', label: 'Deactivated', color: 'grape' },
];

export function RunProgress({ run }: { run: Run }) {
  const active = run.state === 'active';
  const counts = run.counts ?? {};
  return (
    <Stack gap="sm" data-testid="run-progress" data-active={active}>
      {active && (
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={500}>
              Running for {formatDuration(run.startedAt, null)}
            </Text>
            <Text size="sm" c="dimmed" data-testid="run-read-count">
              {counts.read ?? 0} records read so far
            </Text>
          </Group>
          <Progress value={100} striped animated size="sm" aria-label="Run in progress" />
        </div>
      )}
      <SimpleGrid cols={{ base: 3, sm: 5 }} spacing="xs" verticalSpacing="xs">
        {COUNT_LABELS.map(({ key, label, color }) => {
          const value = counts[key] ?? 0;
          return (
            <Paper key={key} withBorder px="sm" py={6} radius="sm" data-testid={`count-${key}`}>
              <Text
                size="xs"
                c="dimmed"
                truncate
                title={key === 'awaiting' ? 'Awaiting confirmation' : label}
              >
                {label}
              </Text>
              <Text fw={600} c={value > 0 ? color : undefined}>
                {value}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
