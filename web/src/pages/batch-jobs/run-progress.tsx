/**
 * A run's counts; while it is active, a bar and how far it is: with the shop's total "1,200 of 30,000 ·
 * about 2 min left" (a filling bar), else the records and pages so far with the rate (a running bar).
 */
import { Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Run, RunCounts } from '../../api/jobs.ts';
import { formatDuration } from '../../format/date-time.ts';
import { progressFigures, progressText } from '../../format/progress-text.ts';

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
  const figures = progressFigures(run, Date.now());
  return (
    <Stack gap="sm" data-testid="run-progress" data-active={active}>
      {active && (
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={500}>
              Running for {formatDuration(run.startedAt, null)}
            </Text>
            <Text size="sm" c="dimmed" data-testid="run-read-count" data-total={figures.total ?? undefined}>
              {progressText(figures)}
            </Text>
          </Group>
          {figures.percent === null ? (
            <Progress value={100} striped animated size="sm" aria-label="Run in progress" />
          ) : (
            <Progress
              value={figures.percent}
              striped
              animated
              size="sm"
              aria-label={`Run in progress: ${Math.floor(figures.percent)} %`}
              data-testid="run-progress-bar"
            />
          )}
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
