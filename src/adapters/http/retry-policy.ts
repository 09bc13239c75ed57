/**
 * When and how long the HTTP client waits before it tries a request again: exponential backoff with
 * jitter, or what the server asked for in Retry-After (seconds or an HTTP date), capped.
 */
export interface RetryPolicy {
  /** Retries after the first attempt (0 = no retry). */
  retries: number;
  /** Backoff before the first retry; doubles with every further retry. */
  backoffBaseMs: number;
  /** Upper bound of one backoff. */
  backoffMaxMs: number;
  /** Upper bound of a wait the server asks for with Retry-After. */
  retryAfterMaxMs: number;
  /** Source of jitter, [0, 1). */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 4,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  retryAfterMaxMs: 120_000,
  random: Math.random,
};

/**
 * Backoff before retry number `retry` (0 = the first retry): half of base * 2^retry fixed, the other half
 * random ("equal jitter"), so clients that failed together do not come back together.
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** retry);
  return Math.round(ceiling / 2 + (ceiling / 2) * policy.random());
}

/**
 * The wait a Retry-After header asks for, in milliseconds: delta-seconds or an HTTP date (relative to
 * `now`). Undefined when the header is missing or unreadable; never negative.
 */
export function parseRetryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The wait before retry number `retry`: the server's Retry-After (capped) if it gave one, else the backoff. */
export function retryDelayMs(retry: number, retryAfterMs: number | undefined, policy: RetryPolicy): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.retryAfterMaxMs);
  return backoffDelayMs(retry, policy);
}
