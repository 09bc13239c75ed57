/** A run in one line: its outcome and what it did so far ("read 120 · created 80 · 2 errors"). */
import { Stack, Text } from '@mantine/core';
import type { Run } from '../../api/jobs.ts';
import { StateBadge } from '../../components/state-badge.tsx';
import { progressFigures, progressText } from '../../format/progress-text.ts';
import { countsText, runBadgeState } from '../../format/run-outcome.ts';

export function RunSummary({ run }: { run: Run }) {
  return (
    <Stack gap={2} align="flex-start">
      <StateBadge state={runBadgeState(run)} />
      <Text size="xs" c="dimmed" data-testid="run-summary-counts">
        {run.state === 'active' ? progressText(progressFigures(run, Date.now())) : countsText(run)}
      </Text>
    </Stack>
  );
}
