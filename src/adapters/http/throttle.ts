/**
 * A client-side throttle for rate-limited channels: a token bucket that refills at `requestsPerSecond` and
 * holds at most `burst` requests (default 1: requests evenly spaced). Every attempt (retries included)
 * passes through it. Implemented as virtual scheduling (GCRA): `due` is when the bucket would be full
 * again, so a request may start at once while `due` lies less than `burst - 1` intervals ahead.
 */
import { sleep } from './abort.ts';

export interface Throttle {
  /** Resolves when the next request may start; rejects with the abort error if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  /**
   * The channel said "too many requests": treat the bucket as empty, so that the next request waits one
   * refill interval (another client may be spending the same quota).
   */
  drain(): void;
}

export interface ThrottleDeps {
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Requests that may start at once after a quiet period (the bucket's size). Default 1. */
  burst?: number;
}

export function createThrottle(requestsPerSecond: number, deps: ThrottleDeps = {}): Throttle {
  if (!(requestsPerSecond > 0) || !Number.isFinite(requestsPerSecond)) {
    throw new RangeError(`requestsPerSecond must be a positive number, got ${requestsPerSecond}.`);
  }
  const burst = deps.burst ?? 1;
  if (!Number.isInteger(burst) || burst < 1) {
    throw new RangeError(`burst must be a whole number of at least 1, got ${burst}.`);
  }
  const now = deps.now ?? Date.now;
  const wait = deps.sleep ?? sleep;
  const intervalMs = 1000 / requestsPerSecond;
  const toleranceMs = (burst - 1) * intervalMs;
  let due = Number.NEGATIVE_INFINITY;
  return {
    async acquire(signal) {
      const time = now();
      const base = Math.max(due, time);
      const start = Math.max(time, base - toleranceMs);
      due = base + intervalMs;
      await wait(start - time, signal);
    },
    drain() {
      due = Math.max(due, now() + burst * intervalMs);
    },
  };
}
