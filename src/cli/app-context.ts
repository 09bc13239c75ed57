/** What every CLI command works with: the database (opened on first use) and the services on top of it. */
import { type AdapterRegistry, defaultAdapters } from '../adapters/registry.ts';
import { ChannelService } from '../channels/channel-service.ts';
import type { Db } from '../storage/db.ts';
import { openDb } from '../storage/open-db.ts';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export class AppContext {
  private db: Db | null = null;

  constructor(
    readonly dbSpec: string | undefined,
    readonly output: Output,
    readonly adapters: AdapterRegistry = defaultAdapters,
  ) {}

  async database(): Promise<Db> {
    this.db ??= await openDb(this.dbSpec);
    return this.db;
  }

  async channels(): Promise<ChannelService> {
    return new ChannelService(await this.database(), this.adapters);
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    await db?.close();
  }
}
