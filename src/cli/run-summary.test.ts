import { describe, expect, it } from 'vitest';
import { type ImportRun, ZERO_COUNTS } from '../domain/import-run.ts';
import { formatRunSummary, runOutcome } from './run-summary.ts';

const run = (over: Partial<ImportRun>): ImportRun => ({
  id: 7,
  channel: 'shop',
  state: 'finished',
  changedSince: 'anytime',
  since: null,
  emails: null,
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  counts: { ...ZERO_COUNTS, read: 3, created: 2 },
  watermarkBefore: null,
  watermarkAfter: null,
  error: null,
  ...over,
});

describe('the CLI run summary', () => {
  it('says a run finished with errors, with the count in words', () => {
    expect(runOutcome(run({ counts: { ...ZERO_COUNTS, read: 3, errors: 1 } }))).toBe('finished with 1 error');
    const text = formatRunSummary(run({ counts: { ...ZERO_COUNTS, read: 3, errors: 2 } }), []);
    expect(text.split('\n')[0]).toBe(
      'Import run 7 of sales channel "shop" finished with 2 errors (anytime).',
    );
    expect(runOutcome(run({}))).toBe('finished');
    expect(runOutcome(run({ state: 'failed' }))).toBe('failed');
  });

  it('pluralises the customers awaiting confirmation', () => {
    const one = formatRunSummary(run({ counts: { ...ZERO_COUNTS, read: 1, awaiting: 1 } }), []);
    expect(one).toContain('1 customer awaits confirmation of its warnings');
    expect(one).toContain('to import it.');
    const two = formatRunSummary(run({ counts: { ...ZERO_COUNTS, read: 2, awaiting: 2 } }), []);
    expect(two).toContain('2 customers await confirmation of their warnings');
    expect(two).not.toContain('(s)');
  });

  it('says why a failed run failed', () => {
    const text = formatRunSummary(
      run({ state: 'failed', error: { code: 'CHANNEL_AUTH_FAILED', message: 'The token was refused.' } }),
      [],
    );
    expect(text).toContain('failed (anytime)');
    expect(text).toContain('Failed: The token was refused. [CHANNEL_AUTH_FAILED]');
  });
});
