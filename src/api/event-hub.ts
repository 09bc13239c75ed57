/**
 * Server push (GET /api/events): one LISTEN kontor_notification per server process, shared by every open
 * event stream; a new notification goes to the streams of its user only. A comment line every
 * `heartbeatMs` keeps proxies from closing idle streams. Streams end when the client goes, at logout of
 * their session, and when the server closes.
 */
import type { ServerResponse } from 'node:http';
import type { NotificationService } from '../batch/notification-service.ts';
import type { Db } from '../storage/db.ts';
import { getNotification, type StoredNotification } from '../storage/notification-store.ts';

interface Stream {
  user: string;
  sessionIdHash: string;
  raw: ServerResponse;
}

/** A notification as the API shows it (without the user it belongs to: that is the caller). */
export function publicNotification(notification: StoredNotification) {
  const { user: _user, ...rest } = notification;
  return rest;
}

export class EventHub {
  readonly #streams = new Set<Stream>();
  #listening: Promise<() => Promise<void>> | null = null;
  #heartbeat: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(
    private readonly db: Db,
    private readonly notifications: NotificationService,
    private readonly heartbeatMs: number,
  ) {}

  get size(): number {
    return this.#streams.size;
  }

  /** Starts the shared LISTEN (once); resolves when notifications will be delivered. */
  async ready(): Promise<void> {
    this.#listening ??= this.notifications.subscribe((event) => void this.#deliver(event));
    await this.#listening;
  }

  /** Adds an open event stream of the user; returns the function that removes it. */
  add(user: string, sessionIdHash: string, raw: ServerResponse): () => void {
    const stream: Stream = { user, sessionIdHash, raw };
    this.#streams.add(stream);
    this.#heartbeat ??= setInterval(() => this.#beat(), this.heartbeatMs);
    this.#heartbeat.unref();
    return () => this.#remove(stream);
  }

  /** Ends the streams of a session (logout). */
  endSession(sessionIdHash: string): void {
    for (const stream of this.#streams) if (stream.sessionIdHash === sessionIdHash) this.#end(stream);
  }

  /** Ends the streams of a user but those of one session (password change, sessions ended elsewhere). */
  endUserSessions(user: string, exceptSessionIdHash: string | null): void {
    for (const stream of this.#streams)
      if (stream.user === user && stream.sessionIdHash !== exceptSessionIdHash) this.#end(stream);
  }

  /** Ends every stream and stops listening (server close). */
  async close(): Promise<void> {
    this.#closed = true;
    for (const stream of this.#streams) this.#end(stream);
    const listening = this.#listening;
    this.#listening = null;
    if (listening) await (await listening.catch(() => null))?.().catch(() => undefined);
  }

  async #deliver(event: { id: number; user: string }): Promise<void> {
    if (this.#closed) return;
    const targets = [...this.#streams].filter((stream) => stream.user === event.user);
    if (targets.length === 0) return;
    const notification = await getNotification(this.db, event.id).catch(() => null);
    if (!notification || notification.user !== event.user) return;
    const frame = `event: notification\nid: ${notification.id}\ndata: ${JSON.stringify(publicNotification(notification))}\n\n`;
    for (const stream of targets) stream.raw.write(frame);
  }

  #beat(): void {
    for (const stream of this.#streams) stream.raw.write(': keep-alive\n\n');
  }

  #end(stream: Stream): void {
    this.#remove(stream);
    stream.raw.end();
  }

  #remove(stream: Stream): void {
    this.#streams.delete(stream);
    if (this.#streams.size === 0 && this.#heartbeat) {
      clearInterval(this.#heartbeat);
      this.#heartbeat = null;
    }
  }
}
