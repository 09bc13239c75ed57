/**
 * At most 5 failed logins per name *and client* within 5 minutes (issue 11, defect 6). An unknown client (by
 * its address) then gets LOGIN_THROTTLED until the window has passed; five wrong passwords for `admin` from one
 * address do not lock out `admin` at another. A known client (login-client.ts) is never refused: each attempt
 * over the limit waits before its password is verified, 1 s, 2 s, 4 s, ... at most 10 s.
 * Every attempt is counted before its password is verified (`countAttempt`) and the count is cleared after a
 * success, so a burst of parallel attempts from an unknown client gets at most MAX_FAILURES verifications per
 * window.
 */
import { AuthError } from '../domain/errors.ts';
import type { Queryable } from '../storage/db.ts';
import { clearThrottle, recordAttempt } from '../storage/login-throttle-store.ts';
import type { ThrottleSubject } from './login-client.ts';

export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 300;
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 10_000;

/**
 * Counts an attempt; throws LOGIN_THROTTLED (without verifying anything) when an unknown client is over the
 * limit. Returns how long to wait before verifying (0, or the slow-down of a known client over the limit).
 */
export async function countAttempt(db: Queryable, subject: ThrottleSubject, now: Date): Promise<number> {
  const state = await recordAttempt(db, subject, now, WINDOW_SECONDS);
  const over = state.failures - MAX_FAILURES;
  if (over <= 0) return 0;
  if (subject.known) return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(over - 1, 10));
  const until = state.windowStartAt.getTime() + WINDOW_SECONDS * 1000;
  const minutes = Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
  throw new AuthError(
    'LOGIN_THROTTLED',
    `Too many failed logins for this name. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
}

/** After a successful attempt: the name starts afresh at this client. */
export async function clearFailures(db: Queryable, subject: ThrottleSubject): Promise<void> {
  await clearThrottle(db, subject);
}
