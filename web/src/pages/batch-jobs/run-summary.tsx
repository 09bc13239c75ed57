/** A run in a few words: its outcome, what it did so far ("read 120 · created 80 · 2 errors"), why it failed. */
import { Stack, Text } from '@mantine/core';
import type { Run } from '../../api/jobs.ts';
import { StateBadge } from '../../components/state-badge.tsx';
import { progressFigures, progressText } from '../../format/progress-text.ts';
import { countsText, runBadgeState, runEndReason } from '../../format/run-outcome.ts';

export function RunSummary({ run }: { run: Run }) {
  // A run that did not finish says why (canceled by a user is no error; without counts, countsText says it).
  const reason = run.state === 'canceled' || !run.counts ? null : runEndReason(run);
  return (
    <Stack gap={2} align="flex-start">
      <StateBadge state={runBadgeState(run)} />
      <Text size="xs" c="dimmed" data-testid="run-summary-counts">
        {run.state === 'active' ? progressText(progressFigures(run, Date.now())) : countsText(run)}
      </Text>
      {reason && (
        <Text size="xs" c="red" lineClamp={2} title={reason} data-testid="run-summary-reason">
          {reason}
        </Text>
      )}
    </Stack>
  );
}
