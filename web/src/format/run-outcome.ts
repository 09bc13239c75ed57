/**
 * How a run ended, in words: a run that finished with errors says so everywhere (badges, summaries,
 * notifications), a failed run says why, and counts are pluralised ("1 error", "2 errors").
 */

import type { Job, Run } from '../api/jobs.ts';
import { type MessageKey, translate } from '../i18n/translate.ts';

export { formatCount } from './locale.ts';

/** The count with its noun in the right plural form of the language: countOf(2, 'count.errors') -> "2 errors". */
export function countOf(n: number, key: MessageKey): string {
  return translate(key, { count: n });
}

/** The badge state of a run: "finished-with-errors" when it finished but records failed. */
export function runBadgeState(run: Pick<Run, 'state' | 'hasErrors'>): string {
  return run.state === 'finished' && run.hasErrors ? 'finished-with-errors' : run.state;
}

/** The badge state of a job: an ended job takes the outcome of its last run. */
export function jobBadgeState(job: Pick<Job, 'state' | 'runs'>): string {
  const last = job.runs[job.runs.length - 1];
  return job.state === 'finished' && last?.state === 'finished' && last.hasErrors
    ? 'finished-with-errors'
    : job.state;
}

const REASONS: Record<string, MessageKey> = {
  timeout: 'reason.timeout',
  canceled: 'reason.canceled',
  'server-stopped': 'reason.serverStopped',
  'lease-lost': 'reason.leaseLost',
  'server-died': 'reason.serverDied',
  error: 'reason.error',
};

/** Why a run did not finish normally, for users; null when it finished (or still runs). */
export function runEndReason(run: Pick<Run, 'state' | 'reason' | 'error'>): string | null {
  if (run.state === 'finished' || run.state === 'active') return null;
  const reason = run.reason ? REASONS[run.reason] : undefined;
  const why = run.error?.message ?? (reason ? translate(reason) : null);
  return why ?? translate('reason.other', { state: translate(`state.${run.state}` as MessageKey) });
}

/** "read 120 · created 80 · 2 errors · 1 awaiting" */
export function countsText(run: Pick<Run, 'counts' | 'error'>): string {
  const c = run.counts;
  if (!c) return run.error?.message ?? '';
  const parts = [
    translate('counts.read', { n: c.read ?? 0 }),
    translate('counts.created', { n: c.created ?? 0 }),
    translate('counts.updated', { n: c.updated ?? 0 }),
  ];
  if (c.errors) parts.push(countOf(c.errors, 'count.errors'));
  if (c.awaiting) parts.push(translate('counts.awaiting', { n: c.awaiting }));
  return parts.join(' · ');
}
