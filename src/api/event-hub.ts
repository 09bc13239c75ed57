/**
 * Server push (GET /api/events): one LISTEN kontor_notification per server process, shared by every open
 * event stream; a new notification goes to the streams of its user only. A comment line every
 * `heartbeatMs` keeps proxies from closing idle streams. Streams end when the client goes, at logout of
 * their session, when the server closes, and when their session is found gone (expired, deleted, its user
 * disabled): that is checked on every heartbeat and before every delivery, so a stream never outlives its
 * session by more than one heartbeat.
 */
import type { ServerResponse } from 'node:http';
import type { NotificationService, StoredNotification } from '../batch/notification-service.ts';

interface Stream {
  user: string;
  sessionIdHash: string;
  raw: ServerResponse;
}

export interface EventHubDeps {
  notifications: NotificationService;
  heartbeatMs: number;
  /** True while the session is valid for the user: present, not expired, the user not disabled. */
  sessionValid: (sessionIdHash: string, user: string) => Promise<boolean>;
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
  #beating = false;
  /** Deliveries one after the other: a stream gets its notifications in the order they were stored. */
  #deliveries: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(private readonly deps: EventHubDeps) {}

  get size(): number {
    return this.#streams.size;
  }

  /** Starts the shared LISTEN (once); resolves when notifications will be delivered. A failed start is retried by the next call. */
  async ready(): Promise<void> {
    if (!this.#listening) {
      const listening = this.deps.notifications.subscribe((event) => {
        this.#deliveries = this.#deliveries.then(() => this.#deliver(event));
      });
      this.#listening = listening;
      listening.catch(() => {
        if (this.#listening === listening) this.#listening = null;
      });
    }
    await this.#listening;
  }

  /** Adds an open event stream of the user; returns the function that removes it. */
  add(user: string, sessionIdHash: string, raw: ServerResponse): () => void {
    const stream: Stream = { user, sessionIdHash, raw };
    this.#streams.add(stream);
    this.#heartbeat ??= setInterval(() => void this.#beat(), this.deps.heartbeatMs);
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
    const notification = await this.deps.notifications.get(event.id).catch(() => null);
    if (!notification || notification.user !== event.user) return;
    const frame = `event: notification\nid: ${notification.id}\ndata: ${JSON.stringify(publicNotification(notification))}\n\n`;
    const alive = await this.#check(targets);
    for (const stream of alive) stream.raw.write(frame);
  }

  async #beat(): Promise<void> {
    if (this.#beating) return;
    this.#beating = true;
    try {
      for (const stream of await this.#check([...this.#streams])) stream.raw.write(': keep-alive\n\n');
    } finally {
      this.#beating = false;
    }
  }

  /** The streams whose session is still valid; ends the others (also when the check fails: the client reconnects). */
  async #check(streams: Stream[]): Promise<Stream[]> {
    const valid = await Promise.all(
      streams.map((stream) => this.deps.sessionValid(stream.sessionIdHash, stream.user).catch(() => false)),
    );
    const alive: Stream[] = [];
    streams.forEach((stream, i) => {
      if (!this.#streams.has(stream)) return;
      if (valid[i]) alive.push(stream);
      else this.#end(stream);
    });
    return alive;
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
