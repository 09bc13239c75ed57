/**
 * LISTEN on a PostgreSQL server: one dedicated connection (outside the pool) per Db, shared by all channels,
 * opened on the first listen(). When the connection breaks it is re-opened with backoff and every channel is
 * LISTENed again; notifications sent in between are lost, which is why they are only wake-up hints.
 */
import pg from 'pg';
import type { NotifyHandler } from './db.ts';

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

export class PgListener {
  readonly #handlers = new Map<string, Set<NotifyHandler>>();
  #client: pg.Client | null = null;
  #connecting: Promise<pg.Client> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;
  #retryTimer: NodeJS.Timeout | null = null;
  #retryDelay = RECONNECT_MIN_MS;

  constructor(private readonly config: pg.ClientConfig) {}

  async listen(channel: string, handler: NotifyHandler): Promise<() => Promise<void>> {
    await this.#serial(async () => {
      const client = await this.#connect();
      const handlers = this.#handlers.get(channel) ?? new Set();
      if (handlers.size === 0) await client.query(`LISTEN "${channel}"`);
      handlers.add(handler);
      this.#handlers.set(channel, handlers);
    });
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      await this.#serial(async () => {
        const handlers = this.#handlers.get(channel);
        if (!handlers?.delete(handler) || handlers.size > 0) return;
        this.#handlers.delete(channel);
        await this.#client?.query(`UNLISTEN "${channel}"`).catch(() => undefined);
      });
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    await this.#queue.catch(() => undefined);
    const client = this.#client;
    this.#client = null;
    this.#handlers.clear();
    await client?.end().catch(() => undefined);
  }

  /** Runs listen/unlisten steps one at a time, so they never race with each other or a reconnect. */
  #serial<T>(step: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(step, step);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #connect(): Promise<pg.Client> {
    if (this.#client) return this.#client;
    this.#connecting ??= (async () => {
      const client = new pg.Client(this.config);
      client.on('notification', (message) => {
        for (const handler of this.#handlers.get(message.channel) ?? []) handler(message.payload ?? '');
      });
      client.on('error', () => this.#lost(client));
      client.on('end', () => this.#lost(client));
      try {
        await client.connect();
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      this.#client = client;
      return client;
    })().finally(() => {
      this.#connecting = null;
    });
    return await this.#connecting;
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = null;
    client.end().catch(() => undefined);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#retryTimer || this.#handlers.size === 0) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.#serial(async () => {
        if (this.#closed || this.#handlers.size === 0) return;
        const client = await this.#connect();
        for (const channel of this.#handlers.keys()) await client.query(`LISTEN "${channel}"`);
        this.#retryDelay = RECONNECT_MIN_MS;
      }).catch(() => {
        this.#retryDelay = Math.min(this.#retryDelay * 2, RECONNECT_MAX_MS);
        this.#scheduleReconnect();
      });
    }, this.#retryDelay);
    this.#retryTimer.unref();
  }
}
