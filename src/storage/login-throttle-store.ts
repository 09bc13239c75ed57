/**
 * SQL for the login throttle (`login_throttle`): failed logins per lower-case name within a fixed window that
 * starts at the first failure. Names need not exist: an unknown name is throttled like a known one.
 */
import type { Queryable } from './db.ts';

export interface ThrottleState {
  failures: number;
  windowStartAt: Date;
}

export async function getThrottle(db: Queryable, nameKey: string): Promise<ThrottleState | null> {
  const result = await db.query<{ failures: number; window_start_at: Date }>(
    'select failures, window_start_at from login_throttle where name_key = $1',
    [nameKey],
  );
  const row = result.rows[0];
  return row ? { failures: row.failures, windowStartAt: row.window_start_at } : null;
}

/** Counts a failure: in the running window, or in a new one when that has passed. Drops passed windows. */
export async function recordFailure(
  db: Queryable,
  nameKey: string,
  now: Date,
  windowSeconds: number,
): Promise<ThrottleState> {
  await db.query(
    'delete from login_throttle where window_start_at <= $1::timestamptz - make_interval(secs => $2)',
    [now, windowSeconds],
  );
  const result = await db.query<{ failures: number; window_start_at: Date }>(
    `insert into login_throttle (name_key, failures, window_start_at) values ($1, 1, $2)
     on conflict (name_key) do update set failures = login_throttle.failures + 1
     returning failures, window_start_at`,
    [nameKey, now],
  );
  const row = result.rows[0]!;
  return { failures: row.failures, windowStartAt: row.window_start_at };
}

export async function clearThrottle(db: Queryable, nameKey: string): Promise<void> {
  await db.query('delete from login_throttle where name_key = $1', [nameKey]);
}
