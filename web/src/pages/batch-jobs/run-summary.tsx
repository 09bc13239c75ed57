/** A run in one line: its state and what it did so far ("read 120 · created 80 · 2 errors"). */
import { Stack, Text } from '@mantine/core';
import type { Run } from '../../api/jobs.ts';
import { StateBadge } from '../../components/state-badge.tsx';

export function countsText(run: Run): string {
  const c = run.counts;
  if (!c) return run.error?.message ?? '';
  const parts = [`read ${c.read ?? 0}`, `created ${c.created ?? 0}`, `updated ${c.updated ?? 0}`];
  if (c.errors) parts.push(`${c.errors} errors`);
  if (c.awaiting) parts.push(`${c.awaiting} awaiting`);
  return parts.join(' · ');
}

export function RunSummary({ run }: { run: Run }) {
  return (
    <Stack gap={2} align="flex-start">
      <StateBadge state={run.state} />
      <Text size="xs" c="dimmed">
        {countsText(run)}
      </Text>
    </Stack>
  );
}
