/** What every CLI command works with: the database (opened on first use) and the services on top of it. */
import { type AdapterRegistry, defaultAdapters } from '../adapters/registry.ts';
import { importCustomersApplication } from '../batch/applications/import-customers-app.ts';
import { BatchApplications } from '../batch/batch-application.ts';
import type { JobService } from '../batch/job-service.ts';
import type { ChannelService } from '../channels/channel-service.ts';
import { ChannelSecrets } from '../secrets/channel-secrets.ts';
import { keySourceFrom } from '../secrets/key-source.ts';
import { createServices, type Services } from '../services.ts';
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
  /** Tests: the keys of channel secrets (default: from `env`). */
  secrets?: ChannelSecrets;
  /** The environment commands read (default: this process's); main() lays it over the configuration file. */
  env?: NodeJS.ProcessEnv;
  /** The command is short (a list, an edit: not an import or a server): the database opens small. */
  short?: boolean;
}

export class AppContext {
  private db: Db | null = null;
  #services: Services | null = null;
  readonly adapters: AdapterRegistry;
  readonly applications: BatchApplications;
  readonly #secrets: ChannelSecrets;
  /** The environment over the configuration file (config-file.ts): KONTOR_DB, KONTOR_USER, KONTOR_PORT, ... */
  readonly env: NodeJS.ProcessEnv;
  readonly #short: boolean;

  constructor(
    readonly dbSpec: string | undefined,
    readonly output: Output,
    options: AppContextOptions = {},
  ) {
    this.adapters = options.adapters ?? defaultAdapters;
    this.env = options.env ?? process.env;
    this.#short = options.short ?? false;
    this.#secrets = options.secrets ?? new ChannelSecrets(keySourceFrom(this.env));
    this.applications =
      options.applications ??
      new BatchApplications([importCustomersApplication(this.adapters, this.#secrets)]);
  }

  async database(): Promise<Db> {
    this.db ??= await openDb(this.dbSpec, { small: this.#short });
    return this.db;
  }

  /** The services on the database (opened on first use). */
  async services(): Promise<Services> {
    this.#services ??= createServices(await this.database(), this.adapters, {
      applications: this.applications,
      secrets: this.#secrets,
    });
    return this.#services;
  }

  async channels(): Promise<ChannelService> {
    return (await this.services()).channels;
  }

  async jobs(): Promise<JobService> {
    return (await this.services()).jobs;
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    this.#services = null;
    await db?.close();
  }
}
