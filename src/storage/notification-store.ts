/**
 * SQL for notifications to users. Each insert also sends NOTIFY kontor_notification with {"id","user"}, so a
 * web UI can push a dialog live; dialogs not yet acknowledged are shown at the next login, workflow tasks
 * stay in the inbox until acknowledged.
 */
import type { Notice, NoticeChannel, NoticeTopic } from '../domain/notice.ts';
import type { Queryable } from './db.ts';
import { iso, isoOrNull, num } from './sql-values.ts';

export const NOTIFICATION_CHANNEL = 'kontor_notification';

export interface StoredNotification {
  id: number;
  user: string;
  channel: NoticeChannel;
  topic: NoticeTopic;
  jobId: number | null;
  runId: number | null;
  hasErrors: boolean;
  title: string;
  message: string;
  createdAt: string;
  acknowledgedAt: string | null;
}

/** Inserts the notices for one user (set-based) and notifies listeners. */
export async function insertNotifications(
  db: Queryable,
  target: { user: string; jobId: number; runId: number | null },
  notices: readonly Notice[],
): Promise<void> {
  if (notices.length === 0) return;
  const result = await db.query<{ id: unknown }>(
    `insert into notification (user_name, channel, topic, job_id, run_id, has_errors, title, message)
     select $1, n.channel, n.topic, $2, $3, n.has_errors, n.title, n.message
     from unnest($4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[])
       as n(channel, topic, has_errors, title, message)
     returning id`,
    [
      target.user,
      target.jobId,
      target.runId,
      notices.map((n) => n.channel),
      notices.map((n) => n.topic),
      notices.map((n) => n.hasErrors),
      notices.map((n) => n.title),
      notices.map((n) => n.message),
    ],
  );
  for (const row of result.rows) {
    await db.query('select pg_notify($1, $2)', [
      NOTIFICATION_CHANNEL,
      JSON.stringify({ id: num(row.id), user: target.user }),
    ]);
  }
}

export interface NotificationFilter {
  user?: string | null;
  /** Also acknowledged ones (default: only open ones). */
  all?: boolean;
  /** Only dialogs or only workflow tasks. */
  channel?: NoticeChannel;
  limit?: number;
}

interface NotificationRow {
  id: unknown;
  user_name: string;
  channel: NoticeChannel;
  topic: NoticeTopic;
  job_id: unknown;
  run_id: unknown;
  has_errors: boolean;
  title: string;
  message: string;
  created_at: unknown;
  acknowledged_at: unknown;
}

function toNotification(row: NotificationRow): StoredNotification {
  return {
    id: num(row.id),
    user: row.user_name,
    channel: row.channel,
    topic: row.topic,
    jobId: row.job_id === null ? null : num(row.job_id),
    runId: row.run_id === null ? null : num(row.run_id),
    hasErrors: row.has_errors,
    title: row.title,
    message: row.message,
    createdAt: iso(row.created_at),
    acknowledgedAt: isoOrNull(row.acknowledged_at),
  };
}

export async function listNotifications(
  db: Queryable,
  filter: NotificationFilter = {},
): Promise<StoredNotification[]> {
  const result = await db.query<NotificationRow>(
    `select * from notification
     where ($1::text is null or user_name = $1) and ($2::boolean or acknowledged_at is null)
       and ($4::text is null or channel = $4)
     order by id desc limit $3`,
    [filter.user ?? null, filter.all === true, filter.limit ?? 1000, filter.channel ?? null],
  );
  // The newest (up to the limit), oldest first.
  return result.rows.reverse().map(toNotification);
}

/** One notification by id (server push loads the one a NOTIFY announced). */
export async function getNotification(db: Queryable, id: number): Promise<StoredNotification | null> {
  const result = await db.query<NotificationRow>('select * from notification where id = $1', [id]);
  const row = result.rows[0];
  return row ? toNotification(row) : null;
}

/** Acknowledges notifications of the user (a closed dialog, a completed workflow task); returns how many. */
export async function acknowledgeNotifications(
  db: Queryable,
  ids: readonly number[],
  user: string | null,
): Promise<number> {
  const result = await db.query(
    `update notification set acknowledged_at = now()
     where id = any($1::bigint[]) and acknowledged_at is null and ($2::text is null or user_name = $2)`,
    [ids, user],
  );
  return result.rowCount;
}

/** Adds a note below the message of the notifications of these jobs (once: a message that has it keeps it). */
export async function appendNotificationNote(
  db: Queryable,
  jobIds: readonly number[],
  note: string,
): Promise<number> {
  if (jobIds.length === 0) return 0;
  const result = await db.query(
    `update notification set message = message || E'\n\n' || $2::text
     where job_id = any($1::bigint[]) and position($2::text in message) = 0`,
    [jobIds, note],
  );
  return result.rowCount;
}
