/**
 * What every CLI command works with: the database (opened on first use), the OLTP database the command works
 * on (`--oltp`, env KONTOR_OLTP, else the default one) and the services on top of it.
 */
import { type AdapterRegistry, defaultAdapters } from '../adapters/registry.ts';
import { importCustomersApplication } from '../batch/applications/import-customers-app.ts';
import { BatchApplications } from '../batch/batch-application.ts';
import type { JobService } from '../batch/job-service.ts';
import type { ChannelService } from '../channels/channel-service.ts';
import { BugError } from '../domain/errors.ts';
import type { OltpDatabase } from '../domain/oltp-database.ts';
import { OltpService, oltpDb } from '../oltp/oltp-service.ts';
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
  /** The OLTP database named by `--oltp` (default: env KONTOR_OLTP, else the default one). */
  oltp?: string;
}

export class AppContext {
  private base: Db | null = null;
  private db: Db | null = null;
  #oltp: OltpDatabase | null = null;
  readonly #oltpName: string | undefined;
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
    this.#oltpName = options.oltp ?? (this.env.KONTOR_OLTP || undefined);
    this.#secrets = options.secrets ?? new ChannelSecrets(keySourceFrom(this.env));
    this.applications =
      options.applications ??
      new BatchApplications([importCustomersApplication(this.adapters, this.#secrets)]);
  }

  /** The database with the selected OLTP database's schema first on the search_path (an unknown one fails). */
  async database(): Promise<Db> {
    if (!this.db) {
      const oltp = await new OltpService(await this.baseDatabase()).resolve(this.#oltpName);
      this.db = oltpDb(await this.baseDatabase(), oltp.name);
      this.#oltp = oltp;
    }
    return this.db;
  }

  /** The OLTP database the command works on. */
  async oltp(): Promise<OltpDatabase> {
    await this.database();
    if (!this.#oltp) throw new BugError('CLI_NO_OLTP', 'The OLTP database was not resolved.');
    return this.#oltp;
  }

  /** The database without an OLTP database chosen (`kontor oltp`: works even when --oltp names a removed one). */
  async baseDatabase(): Promise<Db> {
    this.base ??= await openDb(this.dbSpec, { small: this.#short });
    return this.base;
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
    const db = this.base;
    this.base = null;
    this.db = null;
    this.#services = null;
    await db?.close();
  }
}
