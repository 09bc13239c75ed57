/**
 * The composition root: the services the CLI and the API share, built on one database. Entry points take
 * what they need from here and never call a store themselves.
 */
import type { AdapterRegistry } from './adapters/registry.ts';
import { importCustomersApplication } from './batch/applications/import-customers-app.ts';
import { BatchApplications } from './batch/batch-application.ts';
import { JobService } from './batch/job-service.ts';
import { NotificationService } from './batch/notification-service.ts';
import { addQueue, editQueue, queueExists, queues } from './batch/queue-service.ts';
import { ChannelHealthService } from './channels/channel-health-service.ts';
import { ChannelService } from './channels/channel-service.ts';
import { OpenRecordService } from './import/open-record-service.ts';
import { PreviewService } from './import/preview-service.ts';
import { PreviewSessions } from './import/preview-sessions.ts';
import { RunService } from './import/run-service.ts';
import { OltpService } from './oltp/oltp-service.ts';
import { PartnerService } from './partners/partner-service.ts';
import { ChannelSecrets } from './secrets/channel-secrets.ts';
import { listServers } from './storage/app-server-store.ts';
import type { Db } from './storage/db.ts';
import { readMetricsSnapshot } from './storage/metrics-store.ts';
import { schemaStatus } from './storage/migrate.ts';
import { type HashCost, PasswordHasher } from './users/password-hasher.ts';
import { SessionService } from './users/session-service.ts';
import { UserService } from './users/user-service.ts';

export interface ServiceOptions {
  /** The batch applications jobs may run (default: Import customers). */
  applications?: BatchApplications;
  /** Tests: the time of sessions, jobs and the login throttle. */
  clock?: () => Date;
  /** Tests: a cheaper argon2id cost. */
  hashCost?: HashCost;
  /** Tests: how a known client's failed logins are slowed down (default: a real wait). */
  loginSleep?: (ms: number) => Promise<void>;
  /** Tests: the keys of channel secrets (default: this process's environment). */
  secrets?: ChannelSecrets;
}

export type Services = ReturnType<typeof createServices>;

/**
 * `db` is the handle of one OLTP database (oltpDb): the services work on its partners, channels and runs and on
 * the shared tables (users, queues, jobs) that every OLTP database's handle also sees.
 */
export function createServices(db: Db, adapters: AdapterRegistry, options: ServiceOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  const secrets = options.secrets ?? new ChannelSecrets();
  const applications =
    options.applications ?? new BatchApplications([importCustomersApplication(adapters, secrets)]);
  const previews = new PreviewService(db, adapters, secrets);
  return {
    db,
    adapters,
    applications,
    clock,
    jobs: new JobService(db, applications, clock),
    runs: new RunService(db),
    /** Import customers previews: read and plan, write nothing; `previewSessions` keeps the API's open ones. */
    previews,
    previewSessions: new PreviewSessions(previews),
    /** Open records: the records runs did not import, and the actions on them (confirm, ignore, retry). */
    records: new OpenRecordService(db, adapters, secrets),
    channels: new ChannelService(db, adapters, secrets),
    /** The home page: every channel's last run, trend and next scheduled run. */
    health: new ChannelHealthService(db, adapters),
    partners: new PartnerService(db),
    notifications: new NotificationService(db),
    users: new UserService(db, {
      hasher: new PasswordHasher(options.hashCost),
      clock,
      ...(options.loginSleep ? { sleep: options.loginSleep } : {}),
    }),
    sessions: new SessionService(db, { clock }),
    queues: {
      add: (name: string, description: string | null) => addQueue(db, name, description),
      edit: (name: string, description: string | null) => editQueue(db, name, description),
      list: () => queues(db),
      exists: (name: string) => queueExists(db, name),
    },
    servers: { list: (name?: string) => listServers(db, name) },
    /** The OLTP databases of the installation (`kontor oltp`, the login form). */
    oltp: new OltpService(db),
    /** Ready to serve: the database answers and has every migration of this code. */
    schema: { status: () => schemaStatus(db) },
    /** What /metrics reads from the database at a scrape (the figures every process shares). */
    metrics: { snapshot: (leaseSeconds?: number) => readMetricsSnapshot(db, leaseSeconds) },
  };
}
