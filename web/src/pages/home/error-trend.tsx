/**
 * A channel's error trend: one bar per recent run, oldest left; the height grows with the records that
 * failed, red for a failed run, orange for errors, green for a clean run. Each bar tells its run on hover.
 */
import { Group, Text, Tooltip } from '@mantine/core';
import type { HealthRun } from '../../api/home.ts';
import { formatDateTime } from '../../format/date-time.ts';
import { countOf } from '../../format/run-outcome.ts';
import { useT } from '../../i18n/i18n-context.ts';
import type { Translate } from '../../i18n/translate.ts';

const HEIGHT = 28;

function barColor(run: HealthRun): string {
  if (run.state === 'failed') return 'var(--mantine-color-red-6)';
  if (run.state === 'running') return 'var(--mantine-color-blue-4)';
  return run.errors > 0 ? 'var(--mantine-color-orange-5)' : 'var(--mantine-color-green-5)';
}

function barLabel(run: HealthRun, t: Translate): string {
  const when = formatDateTime(run.startedAt);
  if (run.state === 'failed')
    return run.error
      ? t('home.barFailedWhy', { when, message: run.error.message })
      : t('home.barFailed', { when });
  if (run.state === 'running')
    return t('home.barRunning', { when, records: countOf(run.read, 'count.records') });
  return t('home.barDone', {
    when,
    records: countOf(run.read, 'count.records'),
    errors: countOf(run.errors, 'count.errors'),
  });
}

export function ErrorTrend({ runs }: { runs: HealthRun[] }) {
  const t = useT();
  if (runs.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('home.noRuns')}
      </Text>
    );
  const oldestFirst = [...runs].reverse();
  const most = Math.max(1, ...runs.map((run) => run.errors));
  const errors = runs.reduce((sum, run) => sum + run.errors, 0);
  const failed = runs.filter((run) => run.state === 'failed').length;
  const parts = [
    ...(failed > 0 ? [countOf(failed, 'count.failedRuns')] : []),
    countOf(errors, 'count.errors'),
  ];
  const summary = t('home.trendSummary', { count: runs.length, parts: parts.join(', ') });
  return (
    <div
      data-testid="error-trend"
      data-errors={oldestFirst.map((run) => (run.state === 'failed' ? 'F' : run.errors)).join(',')}
    >
      <Group gap={3} align="flex-end" h={HEIGHT} wrap="nowrap" aria-label={summary} role="img">
        {oldestFirst.map((run) => {
          const height =
            run.state === 'failed'
              ? HEIGHT
              : run.errors === 0
                ? 4
                : 6 + Math.round(((HEIGHT - 6) * run.errors) / most);
          return (
            <Tooltip key={run.importRunId} label={barLabel(run, t)} withArrow>
              <div style={{ width: 7, height, borderRadius: 2, background: barColor(run) }} />
            </Tooltip>
          );
        })}
      </Group>
      <Text size="xs" c="dimmed" mt={2}>
        {summary}
      </Text>
    </div>
  );
}
