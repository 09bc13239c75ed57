/**
 * A client-side throttle for rate-limited channels: spaces requests evenly so that no more than
 * `requestsPerSecond` start in any second. Every attempt (retries included) passes through it.
 */
import { sleep } from './abort.ts';

export interface Throttle {
  /** Resolves when the next request may start; rejects with the abort error if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface ThrottleDeps {
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function createThrottle(requestsPerSecond: number, deps: ThrottleDeps = {}): Throttle {
  if (!(requestsPerSecond > 0) || !Number.isFinite(requestsPerSecond)) {
    throw new RangeError(`requestsPerSecond must be a positive number, got ${requestsPerSecond}.`);
  }
  const now = deps.now ?? Date.now;
  const wait = deps.sleep ?? sleep;
  const intervalMs = 1000 / requestsPerSecond;
  let nextFree = Number.NEGATIVE_INFINITY;
  return {
    async acquire(signal) {
      const start = Math.max(now(), nextFree);
      nextFree = start + intervalMs;
      await wait(start - now(), signal);
    },
  };
}
