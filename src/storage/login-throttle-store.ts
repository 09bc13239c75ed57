/**
 * SQL for the login throttle (`login_throttle`): login attempts per lower-case name and client within a fixed
 * window that starts at the first attempt. An attempt is counted before its password is checked (one atomic
 * upsert), and the row is deleted after a successful one, so `failures` is the number of attempts not (yet)
 * known to have succeeded. Names need not exist: an unknown name is throttled like a known one.
 */
import type { Queryable } from './db.ts';

export interface ThrottleState {
  failures: number;
  windowStartAt: Date;
}

/** Whose attempts one row counts: a lower-case name and a client (`ip:...` or `known:...`). */
export interface ThrottleKey {
  nameKey: string;
  clientKey: string;
}

/**
 * Counts an attempt: in the running window, or in a new one when that has passed (also the key's own row).
 * Returns the count including this attempt; parallel attempts each see a different count. Drops passed windows.
 */
export async function recordAttempt(
  db: Queryable,
  key: ThrottleKey,
  now: Date,
  windowSeconds: number,
): Promise<ThrottleState> {
  await db.query(
    'delete from login_throttle where window_start_at <= $1::timestamptz - make_interval(secs => $2)',
    [now, windowSeconds],
  );
  const result = await db.query<{ failures: number; window_start_at: Date }>(
    `insert into login_throttle (name_key, client_key, failures, window_start_at)
     values ($1, $2, 1, $3::timestamptz)
     on conflict (name_key, client_key) do update set
       failures = case when login_throttle.window_start_at <= excluded.window_start_at - make_interval(secs => $4)
                       then 1 else login_throttle.failures + 1 end,
       window_start_at = case when login_throttle.window_start_at <= excluded.window_start_at - make_interval(secs => $4)
                              then excluded.window_start_at else login_throttle.window_start_at end
     returning failures, window_start_at`,
    [key.nameKey, key.clientKey, now, windowSeconds],
  );
  const row = result.rows[0]!;
  return { failures: row.failures, windowStartAt: row.window_start_at };
}

export async function clearThrottle(db: Queryable, key: ThrottleKey): Promise<void> {
  await db.query('delete from login_throttle where name_key = $1 and client_key = $2', [
    key.nameKey,
    key.clientKey,
  ]);
}
