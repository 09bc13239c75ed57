/** What every CLI command works with: the database (opened on first use) and the services on top of it. */
import { type AdapterRegistry, defaultAdapters } from '../adapters/registry.ts';
import { importCustomersApplication } from '../batch/applications/import-customers-app.ts';
import { BatchApplications } from '../batch/batch-application.ts';
import { JobService } from '../batch/job-service.ts';
import { ChannelService } from '../channels/channel-service.ts';
import type { Db } from '../storage/db.ts';
import { openDb } from '../storage/open-db.ts';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export interface AppContextOptions {
  adapters?: AdapterRegistry;
  /** The batch applications application servers of this process run (default: Import customers). */
  applications?: BatchApplications;
}

export class AppContext {
  private db: Db | null = null;
  readonly adapters: AdapterRegistry;
  readonly applications: BatchApplications;

  constructor(
    readonly dbSpec: string | undefined,
    readonly output: Output,
    options: AppContextOptions = {},
  ) {
    this.adapters = options.adapters ?? defaultAdapters;
    this.applications =
      options.applications ?? new BatchApplications([importCustomersApplication(this.adapters)]);
  }

  async database(): Promise<Db> {
    this.db ??= await openDb(this.dbSpec);
    return this.db;
  }

  async channels(): Promise<ChannelService> {
    return new ChannelService(await this.database(), this.adapters);
  }

  async jobs(): Promise<JobService> {
    return new JobService(await this.database(), this.applications);
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    await db?.close();
  }
}
