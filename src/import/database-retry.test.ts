import { describe, expect, it, vi } from 'vitest';
import { ConfigError, TransientError } from '../domain/errors.ts';
import { retryDatabaseStep } from './database-retry.ts';

const dbDown = () => new TransientError('DB_UNAVAILABLE', 'Cannot reach PostgreSQL.');

describe('retryDatabaseStep', () => {
  it('tries a step again after a database fault, and stops after the last wait', async () => {
    const step = vi.fn().mockRejectedValueOnce(dbDown()).mockResolvedValue('done');
    expect(await retryDatabaseStep(step, { delaysMs: [1, 1] })).toBe('done');
    const always = vi.fn().mockRejectedValue(dbDown());
    await expect(retryDatabaseStep(always, { delaysMs: [1, 1] })).rejects.toMatchObject({
      code: 'DB_UNAVAILABLE',
    });
    expect(always).toHaveBeenCalledTimes(3);
  });

  it('does not retry other errors, nor a shop that is out of reach', async () => {
    for (const error of [
      new ConfigError('DB_LOGIN_REFUSED', 'refused'),
      new TransientError('CHANNEL_UNAVAILABLE', 'shop down'),
      new Error('bug'),
    ]) {
      const step = vi.fn().mockRejectedValue(error);
      await expect(retryDatabaseStep(step, { delaysMs: [1] })).rejects.toBe(error);
      expect(step).toHaveBeenCalledTimes(1);
    }
  });

  it('stops waiting when the run is stopped', async () => {
    const controller = new AbortController();
    const step = vi.fn().mockRejectedValue(dbDown());
    const pending = retryDatabaseStep(step, { delaysMs: [60_000], signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
