/** One badge for every state in the application (jobs, runs, servers, partners, links), one colour each. */
import { Badge, Loader } from '@mantine/core';

const COLORS: Record<string, string> = {
  planned: 'gray',
  released: 'cyan',
  ready: 'indigo',
  active: 'blue',
  running: 'green',
  finished: 'green',
  failed: 'red',
  canceled: 'orange',
  missed: 'yellow',
  abandoned: 'grape',
  stopped: 'gray',
  dead: 'red',
  Released: 'green',
  Blocked: 'orange',
  deleted: 'red',
  linked: 'green',
};

const SPINNING = new Set(['active']);

interface StateBadgeProps {
  state: string;
  label?: string;
}

export function StateBadge({ state, label }: StateBadgeProps) {
  return (
    <Badge
      color={COLORS[state] ?? 'gray'}
      data-state={state}
      leftSection={SPINNING.has(state) ? <Loader size={8} color="blue" type="oval" /> : undefined}
    >
      {label ?? state}
    </Badge>
  );
}
