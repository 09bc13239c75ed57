/**
 * How a run ended, in words: a run that finished with errors says so everywhere (badges, summaries,
 * notifications), a failed run says why, and counts are pluralised ("1 error", "2 errors").
 */

import { countOf } from '../../../src/domain/count-words.ts';
import type { Job, Run } from '../api/jobs.ts';

export { countOf, formatCount } from '../../../src/domain/count-words.ts';

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

const REASONS: Record<string, string> = {
  timeout: 'It reached its maximum run time.',
  canceled: 'A user canceled it.',
  'server-stopped': 'Its application server stopped.',
  'lease-lost': 'Its application server lost its lease.',
  'server-died': 'Its application server stopped answering.',
  error: 'It failed.',
};

/** Why a run did not finish normally, for users; null when it finished (or still runs). */
export function runEndReason(run: Pick<Run, 'state' | 'reason' | 'error'>): string | null {
  if (run.state === 'finished' || run.state === 'active') return null;
  const why = run.error?.message ?? (run.reason ? REASONS[run.reason] : null);
  return why ?? `The run ${run.state}.`;
}

/** "read 120 · created 80 · 2 errors · 1 awaiting" */
export function countsText(run: Pick<Run, 'counts' | 'error'>): string {
  const c = run.counts;
  if (!c) return run.error?.message ?? '';
  const parts = [`read ${c.read ?? 0}`, `created ${c.created ?? 0}`, `updated ${c.updated ?? 0}`];
  if (c.errors) parts.push(countOf(c.errors, 'error'));
  if (c.awaiting) parts.push(`${c.awaiting} awaiting`);
  return parts.join(' · ');
}
