/** The web UI's words for runs (web/src/format): outcomes, reasons, pluralised counts, progress and estimates. */
import { describe, expect, it } from 'vitest';
import type { Run } from '../src/api/wire-types.ts';
import { progressFigures, progressText, timeLeftText } from '../web/src/format/progress-text.ts';
import { countsText, jobBadgeState, runBadgeState, runEndReason } from '../web/src/format/run-outcome.ts';

const START = Date.parse('2026-01-01T10:00:00Z');
const run = (over: Partial<Run>): Run => ({
  id: 1,
  state: 'active',
  appServer: 'a',
  dueAt: null,
  startedAt: new Date(START).toISOString(),
  finishedAt: null,
  counts: null,
  progress: null,
  hasErrors: false,
  reason: null,
  error: null,
  importRunId: 1,
  ...over,
});

describe('run outcomes in the web UI', () => {
  it('tells a run that finished with errors from a clean one, for runs and jobs', () => {
    expect(runBadgeState(run({ state: 'finished', hasErrors: true }))).toBe('finished-with-errors');
    expect(runBadgeState(run({ state: 'finished' }))).toBe('finished');
    expect(runBadgeState(run({ state: 'failed', hasErrors: true }))).toBe('failed');
    const job = { state: 'finished' as const, runs: [run({ state: 'finished', hasErrors: true })] };
    expect(jobBadgeState(job)).toBe('finished-with-errors');
    expect(jobBadgeState({ ...job, runs: [run({ state: 'finished' })] })).toBe('finished');
    expect(jobBadgeState({ state: 'released', runs: job.runs })).toBe('released');
  });

  it('pluralises counts and says why a run failed', () => {
    expect(countsText(run({ counts: { read: 3, created: 2, updated: 0, errors: 1 } }))).toBe(
      'read 3 · created 2 · updated 0 · 1 error',
    );
    expect(countsText(run({ counts: { read: 3, created: 1, updated: 0, errors: 2 } }))).toContain('2 errors');
    const failed = run({
      state: 'failed',
      error: { code: 'CHANNEL_AUTH_FAILED', message: 'Token refused.' },
    });
    expect(runEndReason(failed)).toBe('Token refused.');
    expect(runEndReason(run({ state: 'abandoned', reason: 'server-died' }))).toBe(
      'Its application server stopped answering.',
    );
    expect(runEndReason(run({ state: 'finished', hasErrors: true }))).toBeNull();
  });
});

describe('progress of an active run', () => {
  it('with the shop total: read of total and the time left at the rate so far', () => {
    const figures = progressFigures(
      run({ counts: { read: 1200 }, progress: { pages: 4, total: 30000 } }),
      START + 6_000, // 200 records/s: 28,800 left = 144 s
    );
    expect(figures).toMatchObject({
      read: 1200,
      total: 30000,
      pages: 4,
      rate: 200,
      secondsLeft: 144,
      percent: 4,
    });
    expect(progressText(figures)).toBe('1,200 of 30,000 · about 2 min left');
  });

  it('without a total: records and pages so far with the rate', () => {
    const figures = progressFigures(
      run({ counts: { read: 1200 }, progress: { pages: 4, total: null } }),
      START + 10_000,
    );
    expect(figures.percent).toBeNull();
    expect(progressText(figures)).toBe('1,200 records in 4 pages so far · 120 records/s');
    expect(
      progressText(progressFigures(run({ counts: { read: 1 }, progress: { pages: 1, total: null } }), START)),
    ).toBe('1 record in 1 page so far');
  });

  it('never shows more read than the total, and words the time left', () => {
    const figures = progressFigures(
      run({ counts: { read: 40 }, progress: { pages: 2, total: 30 } }),
      START + 1000,
    );
    expect(figures.total).toBe(40);
    expect(figures.percent).toBe(100);
    expect(timeLeftText(5)).toBe('less than 10 s left');
    expect(timeLeftText(44)).toBe('about 40 s left');
    expect(timeLeftText(600)).toBe('about 10 min left');
    expect(timeLeftText(3 * 3600)).toBe('about 3 h left');
  });
});
