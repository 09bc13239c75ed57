/**
 * Notifications for users: open dialogs (shown live through NOTIFY kontor_notification, or at the next login)
 * and workflow tasks (in the inbox until acknowledged).
 */
import { NotFoundError } from '../domain/errors.ts';
import type { Db } from '../storage/db.ts';
import {
  acknowledgeNotifications,
  appendNotificationNote,
  getNotification,
  listNotifications,
  NOTIFICATION_CHANNEL,
  type NotificationFilter,
  type StoredNotification,
} from '../storage/notification-store.ts';

export type { StoredNotification };

export class NotificationService {
  constructor(private readonly db: Db) {}

  /** One notification, or null if there is none with this id. */
  async get(id: number): Promise<StoredNotification | null> {
    return await getNotification(this.db, id);
  }

  /** Adds a note to the notifications of these jobs (the demo explains its broken records); returns how many. */
  async noteOnJobs(jobIds: readonly number[], note: string): Promise<number> {
    return await appendNotificationNote(this.db, jobIds, note);
  }

  /** Open notifications (all with `all`), of one user or of everybody. */
  async list(filter: NotificationFilter = {}): Promise<StoredNotification[]> {
    return await listNotifications(this.db, filter);
  }

  /** Dialogs to show when the user logs in: the ones not yet acknowledged. */
  async pendingDialogs(user: string): Promise<StoredNotification[]> {
    return await listNotifications(this.db, { user, channel: 'dialog' });
  }

  /** The user's workflow inbox: tasks not yet acknowledged. */
  async inbox(user: string): Promise<StoredNotification[]> {
    return await listNotifications(this.db, { user, channel: 'workflow' });
  }

  /** Acknowledges one notification (of this user, when given). */
  async acknowledge(id: number, user: string | null = null): Promise<void> {
    if ((await acknowledgeNotifications(this.db, [id], user)) === 0)
      throw new NotFoundError('Open notification', String(id));
  }

  /** Calls `onNew` with {id, user} of every new notification (live dialogs); returns the stop function. */
  async subscribe(onNew: (event: { id: number; user: string }) => void): Promise<() => Promise<void>> {
    return await this.db.listen(NOTIFICATION_CHANNEL, (payload) => {
      onNew(JSON.parse(payload) as { id: number; user: string });
    });
  }
}
