import { describe, expect, it } from 'vitest';
import { backoffDelayMs, parseRetryAfterMs, type RetryPolicy, retryDelayMs } from './retry-policy.ts';

const policy = (random: number): RetryPolicy => ({
  retries: 5,
  backoffBaseMs: 100,
  backoffMaxMs: 1_000,
  retryAfterMaxMs: 5_000,
  random: () => random,
});

describe('backoffDelayMs', () => {
  it('doubles per retry, jitters the upper half and stops at the maximum', () => {
    expect([0, 1, 2, 3, 4].map((retry) => backoffDelayMs(retry, policy(0)))).toEqual([
      50, 100, 200, 400, 500,
    ]);
    expect([0, 1, 2, 3, 4].map((retry) => backoffDelayMs(retry, policy(0.999)))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs('7', now)).toBe(7_000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date relative to now and never goes negative', () => {
    expect(parseRetryAfterMs('Sat, 01 Mar 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores missing and unreadable values', () => {
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
    expect(parseRetryAfterMs('1.5', now)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('prefers the server wait, capped, over the backoff', () => {
    expect(retryDelayMs(0, 2_000, policy(0))).toBe(2_000);
    expect(retryDelayMs(0, 60_000, policy(0))).toBe(5_000);
    expect(retryDelayMs(2, undefined, policy(0))).toBe(200);
  });
});
