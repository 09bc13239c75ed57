import { describe, expect, it } from 'vitest';
import { nextAfterRun } from './job-lifecycle.ts';

const base: Parameters<typeof nextAfterRun>[0] = {
  startMode: 'series',
  pattern: '0 2 * * *',
  timeZone: 'Europe/Berlin',
  end: null,
  dueAt: null,
  triggerPending: false,
  cancelRequested: false,
};
const finished = { state: 'finished', needsUser: false } as const;

describe('where a job goes after a run', () => {
  it('after downtime, a series catches up once and then waits for the next slot after now', () => {
    // The 02:00 slot of 1 March was due; the servers were down until 5 March 10:00.
    const job = { ...base, dueAt: '2026-03-01T01:00:00.000Z' };
    const next = nextAfterRun(job, finished, new Date('2026-03-05T10:00:00Z'));
    expect(next).toEqual({
      state: 'released',
      dueAt: new Date('2026-03-06T01:00:00Z'),
      seriesCanceled: false,
    });
  });

  it('evaluates the pattern in the job time zone, across the change to summer time', () => {
    const job = { ...base, dueAt: '2026-03-28T01:00:00.000Z' };
    const next = nextAfterRun(job, finished, new Date('2026-03-28T01:00:05Z'));
    // 02:00 on 29 March does not exist in Berlin; croner runs it at 03:00 CEST = 01:00 UTC.
    expect(next.dueAt).toEqual(new Date('2026-03-29T01:00:00Z'));
    expect(nextAfterRun(job, finished, new Date('2026-03-30T12:00:00Z')).dueAt).toEqual(
      new Date('2026-03-31T00:00:00Z'),
    );
  });

  it('cancels the job when a cancel was requested during a run that then finished on its own', () => {
    expect(nextAfterRun({ ...base, cancelRequested: true }, finished, new Date())).toEqual({
      state: 'canceled',
      dueAt: null,
      seriesCanceled: true,
    });
    const external = { ...base, startMode: 'external' as const, cancelRequested: true, triggerPending: true };
    expect(nextAfterRun(external, finished, new Date()).state).toBe('canceled');
  });

  it('finishes a series whose next slot lies after End, and fails it when the run needs the user', () => {
    const job = { ...base, dueAt: '2026-03-01T01:00:00.000Z', end: '2026-03-01T12:00:00.000Z' };
    expect(nextAfterRun(job, finished, new Date('2026-03-01T01:00:05Z')).state).toBe('finished');
    expect(nextAfterRun(base, { state: 'failed', needsUser: true }, new Date())).toEqual({
      state: 'failed',
      dueAt: null,
      seriesCanceled: true,
    });
    expect(nextAfterRun(base, { state: 'failed', needsUser: false }, new Date()).state).toBe('released');
  });

  it('ends one-shot jobs with their run, keeps external jobs waiting for triggers', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(nextAfterRun({ ...base, startMode: 'once' }, finished, now).state).toBe('finished');
    expect(
      nextAfterRun({ ...base, startMode: 'add-to-queue' }, { state: 'abandoned', needsUser: false }, now)
        .state,
    ).toBe('abandoned');
    expect(nextAfterRun({ ...base, startMode: 'external' }, finished, now).state).toBe('released');
    expect(nextAfterRun({ ...base, startMode: 'external', triggerPending: true }, finished, now)).toEqual({
      state: 'ready',
      dueAt: now,
      seriesCanceled: false,
    });
    expect(nextAfterRun(base, { state: 'canceled', needsUser: false }, now)).toMatchObject({
      state: 'canceled',
      seriesCanceled: true,
    });
  });
});
