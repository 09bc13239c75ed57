import { describe, expect, it } from 'vitest';
import { type BatchJob, JOB_STATES } from '../domain/batch-job.ts';
import { ConfigError } from '../domain/errors.ts';
import { RERUN_STATES, rerunBatchSettings } from './job-rerun.ts';

const job = (over: Partial<BatchJob> = {}): BatchJob => ({
  id: 12,
  name: 'nightly',
  application: 'import-customers',
  settings: { channel: 'shop' },
  user: 'anna',
  oltpDatabase: 'KONTOR',
  contentLanguage: 'de-DE',
  queue: 'imports',
  appServer: 'app-1',
  startMode: 'series',
  begin: '2026-01-01T00:00:00.000Z',
  maxRunSeconds: 600,
  timeoutNotification: true,
  pattern: '0 2 * * *',
  timeZone: 'Europe/Berlin',
  end: '2026-06-01T00:00:00.000Z',
  seriesCanceledNotification: true,
  notification: 'workflow-errors',
  releaseImmediately: false,
  state: 'canceled',
  dueAt: null,
  releasedAt: null,
  cancelRequested: false,
  triggerPending: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('Run again', () => {
  it('keeps the batch settings but the schedule, and runs now (Add to queue, released)', () => {
    expect(rerunBatchSettings(job())).toEqual({
      name: 'nightly',
      user: 'anna',
      oltpDatabase: 'KONTOR',
      contentLanguage: 'de-DE',
      queue: 'imports',
      appServer: 'app-1',
      startMode: 'add-to-queue',
      maxRunSeconds: 600,
      timeoutNotification: true,
      timeZone: 'Europe/Berlin',
      notification: 'workflow-errors',
      releaseImmediately: true,
    });
  });

  it('makes up a new name for a job whose name Kontor made up', () => {
    expect(rerunBatchSettings(job({ name: 'import-customers-12' })).name).toBeNull();
    expect(rerunBatchSettings(job({ name: 'import-customers-11' })).name).toBe('import-customers-11');
  });

  it('runs again only jobs that have ended', () => {
    for (const state of JOB_STATES) {
      const attempt = () => rerunBatchSettings(job({ state }));
      if (RERUN_STATES.includes(state)) expect(attempt).not.toThrow();
      else expect(attempt).toThrow(ConfigError);
    }
    expect(() => rerunBatchSettings(job({ state: 'active' }))).toThrow(
      'Batch job 12 is active; only a job that has ended (finished, failed, canceled, missed, abandoned) can be run again.',
    );
    expect(RERUN_STATES).toEqual(['finished', 'failed', 'canceled', 'missed', 'abandoned']);
  });
});
