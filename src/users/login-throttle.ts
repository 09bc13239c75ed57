/**
 * At most 5 failed logins per name within 5 minutes; then LOGIN_THROTTLED until the window has passed.
 * Every attempt is counted before its password is verified (`countAttempt`) and the count is cleared after a
 * success, so a burst of parallel attempts gets at most MAX_FAILURES verifications per window.
 */
import { AuthError } from '../domain/errors.ts';
import type { Queryable } from '../storage/db.ts';
import { clearThrottle, recordAttempt } from '../storage/login-throttle-store.ts';

export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 300;

const keyOf = (name: string) => name.trim().toLowerCase();

/** Counts an attempt of the name; throws LOGIN_THROTTLED (without verifying anything) when it is over the limit. */
export async function countAttempt(db: Queryable, name: string, now: Date): Promise<void> {
  const state = await recordAttempt(db, keyOf(name), now, WINDOW_SECONDS);
  if (state.failures <= MAX_FAILURES) return;
  const until = state.windowStartAt.getTime() + WINDOW_SECONDS * 1000;
  const minutes = Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
  throw new AuthError(
    'LOGIN_THROTTLED',
    `Too many failed logins for this name. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
}

/** After a successful attempt: the name starts afresh. */
export async function clearFailures(db: Queryable, name: string): Promise<void> {
  await clearThrottle(db, keyOf(name));
}
