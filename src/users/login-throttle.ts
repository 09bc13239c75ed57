/** At most 5 failed logins per name within 5 minutes; then LOGIN_THROTTLED until the window has passed. */
import { AuthError } from '../domain/errors.ts';
import type { Queryable } from '../storage/db.ts';
import { clearThrottle, getThrottle, recordFailure } from '../storage/login-throttle-store.ts';

export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 300;

const keyOf = (name: string) => name.trim().toLowerCase();

/** Throws LOGIN_THROTTLED while the name has had MAX_FAILURES failures in its window. */
export async function assertNotThrottled(db: Queryable, name: string, now: Date): Promise<void> {
  const state = await getThrottle(db, keyOf(name));
  if (!state || state.failures < MAX_FAILURES) return;
  const until = state.windowStartAt.getTime() + WINDOW_SECONDS * 1000;
  if (until <= now.getTime()) return;
  const minutes = Math.max(1, Math.ceil((until - now.getTime()) / 60_000));
  throw new AuthError(
    'LOGIN_THROTTLED',
    `Too many failed logins for this name. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
}

export async function countFailure(db: Queryable, name: string, now: Date): Promise<void> {
  await recordFailure(db, keyOf(name), now, WINDOW_SECONDS);
}

export async function clearFailures(db: Queryable, name: string): Promise<void> {
  await clearThrottle(db, keyOf(name));
}
