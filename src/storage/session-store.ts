/**
 * SQL for login sessions (`user_session`). Rows are keyed by the SHA-256 of the session id: the id itself
 * exists only in the user's cookie. Times come from the caller's clock.
 */
import type { User } from '../domain/user.ts';
import type { Queryable } from './db.ts';
import { toUser, type UserRow } from './user-store.ts';

export interface SessionLimits {
  /** A session unused this long ends (sliding). */
  idleSeconds: number;
  /** A session ends this long after its login, used or not. */
  maxSeconds: number;
}

export async function insertSession(
  db: Queryable,
  session: { idHash: string; userName: string; now: Date; expiresAt: Date; oltp: string | null },
): Promise<void> {
  await db.query(
    `insert into user_session (id_hash, user_name, created_at, last_seen_at, expires_at, oltp_database)
     values ($1, $2, $3, $3, $4, $5)`,
    [session.idHash, session.userName, session.now, session.expiresAt, session.oltp],
  );
}

export interface SessionRow {
  user: User;
  lastSeenAt: Date;
  /** The OLTP database the session works on (the default one when it chose none or its one was removed). */
  oltp: string;
}

/** Switches the session to another OLTP database (an existing one: the caller checked). */
export async function setSessionOltp(db: Queryable, idHash: string, oltp: string): Promise<void> {
  await db.query('update user_session set oltp_database = $2 where id_hash = $1', [idHash, oltp]);
}

/** The session's user, while the session has not expired and the user is not disabled. */
export async function findSession(db: Queryable, idHash: string, now: Date): Promise<SessionRow | null> {
  const result = await db.query<UserRow & { last_seen_at: Date; oltp: string }>(
    `select u.name, u.display_name, u.role, u.disabled, u.must_change_password, u.created_at, u.last_login_at,
       u.ui_language,
       s.last_seen_at,
       coalesce(s.oltp_database, (select name from oltp_database order by created_at, name limit 1)) as oltp
     from user_session s join app_user u on u.name = s.user_name
     where s.id_hash = $1 and s.expires_at > $2 and not u.disabled`,
    [idHash, now],
  );
  const row = result.rows[0];
  if (!row) return null;
  return { user: toUser(row), lastSeenAt: row.last_seen_at, oltp: row.oltp };
}

/** Moves the session's expiry: min(now + idle, created + max). */
export async function touchSession(
  db: Queryable,
  idHash: string,
  now: Date,
  limits: SessionLimits,
): Promise<void> {
  await db.query(
    `update user_session set last_seen_at = $2,
       expires_at = least($2::timestamptz + make_interval(secs => $3), created_at + make_interval(secs => $4))
     where id_hash = $1`,
    [idHash, now, limits.idleSeconds, limits.maxSeconds],
  );
}

export async function deleteSession(db: Queryable, idHash: string): Promise<void> {
  await db.query('delete from user_session where id_hash = $1', [idHash]);
}

/** Ends the user's sessions, but the one given (changing one's password keeps the session that did it). */
export async function deleteSessionsOf(
  db: Queryable,
  userName: string,
  exceptIdHash: string | null,
): Promise<number> {
  const result = await db.query(
    'delete from user_session where user_name = $1 and ($2::text is null or id_hash <> $2)',
    [userName, exceptIdHash],
  );
  return result.rowCount;
}

export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<void> {
  await db.query('delete from user_session where expires_at <= $1', [now]);
}
