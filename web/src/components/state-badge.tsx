/** One badge for every state in the application (jobs, runs, servers, partners, links), one colour each. */
import { Badge, Loader } from '@mantine/core';
import { useT } from '../i18n/i18n-context.ts';
import { en, type MessageKey } from '../i18n/messages-en.ts';

const COLORS: Record<string, string> = {
  planned: 'gray',
  released: 'cyan',
  ready: 'indigo',
  active: 'blue',
  running: 'green',
  finished: 'green',
  failed: 'red',
  'finished-with-errors': 'red',
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
/** Outcomes drawn lighter than the states of the same colour. */
const LIGHT = new Set(['finished-with-errors']);

interface StateBadgeProps {
  state: string;
  label?: string;
}

export function StateBadge({ state, label }: StateBadgeProps) {
  const t = useT();
  const key = `state.${state}`;
  return (
    <Badge
      color={COLORS[state] ?? 'gray'}
      variant={LIGHT.has(state) ? 'light' : 'filled'}
      data-state={state}
      leftSection={SPINNING.has(state) ? <Loader size={8} color="blue" type="oval" /> : undefined}
    >
      {label ?? (key in en ? t(key as MessageKey) : state)}
    </Badge>
  );
}
