/**
 * A run's counts; while it is active, a bar and how far it is: with the shop's total "1,200 of 30,000 ·
 * about 2 min left" (a filling bar), else the records and pages so far with the rate (a running bar).
 */
import { Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Run, RunCounts } from '../../api/jobs.ts';
import { formatDuration } from '../../format/date-time.ts';
import { formatCount } from '../../format/locale.ts';
import { progressFigures, progressText } from '../../format/progress-text.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { MessageKey } from '../../i18n/translate.ts';

const COUNT_LABELS: { key: keyof RunCounts; label: MessageKey; color?: string }[] = [
  { key: 'read', label: 'runCount.read' },
  { key: 'created', label: 'runCount.created', color: 'green' },
  { key: 'updated', label: 'runCount.updated', color: 'blue' },
  { key: 'unchanged', label: 'runCount.unchanged' },
  { key: 'skipped', label: 'runCount.skipped' },
  { key: 'warnings', label: 'runCount.warnings', color: 'yellow' },
  { key: 'awaiting', label: 'runCount.awaiting', color: 'orange' },
  { key: 'errors', label: 'runCount.errors', color: 'red' },
  { key: 'deactivated', label: 'runCount.deactivated', color: 'grape' },
];

export function RunProgress({ run }: { run: Run }) {
  const t = useT();
  const active = run.state === 'active';
  const counts = run.counts ?? {};
  const figures = progressFigures(run, Date.now());
  return (
    <Stack gap="sm" data-testid="run-progress" data-active={active}>
      {active && (
        <div>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={500}>
              {t('progress.runningFor', { duration: formatDuration(run.startedAt, null) })}
            </Text>
            <Text size="sm" c="dimmed" data-testid="run-read-count" data-total={figures.total ?? undefined}>
              {progressText(figures)}
            </Text>
          </Group>
          {figures.percent === null ? (
            <Progress value={100} striped animated size="sm" aria-label={t('progress.inProgress')} />
          ) : (
            <Progress
              value={figures.percent}
              striped
              animated
              size="sm"
              aria-label={t('progress.inProgressPercent', { percent: Math.floor(figures.percent) })}
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
                title={key === 'awaiting' ? t('previewAction.awaiting') : t(label)}
              >
                {t(label)}
              </Text>
              <Text fw={600} c={value > 0 ? color : undefined}>
                {formatCount(value)}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
