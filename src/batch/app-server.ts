/**
 * An application server: a `kontor worker` / `kontor serve` process (or a `kontor import-customers --wait`
 * process for its own job). It registers under its name, keeps a heartbeat, and dispatches: on every poll and
 * on every NOTIFY kontor_batch it sweeps, promotes due jobs and claims what it may run, at most one job per
 * queue (the database enforces it) and at most `maxConcurrentRuns` at once.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ConfigError } from '../domain/errors.ts';
import { type Logger, silentLogger } from '../domain/logger.ts';
import { heartbeatServer, registerServer, stopServer } from '../storage/app-server-store.ts';
import { BATCH_WAKEUP_CHANNEL } from '../storage/batch-job-store.ts';
import { claimRun, extendLease } from '../storage/batch-run-store.ts';
import { nextDueAt, promoteAtRestart } from '../storage/batch-schedule-store.ts';
import { extendWaitLease } from '../storage/batch-wait-store.ts';
import type { Db } from '../storage/db.ts';
import type { BatchApplications } from './batch-application.ts';
import { promote, sweep } from './dispatcher-sweeps.ts';
import { type ActiveRun, type RunSummary, StopReason, startRun } from './run-executor.ts';

export interface ServerTiming {
  /** Polling fallback when no NOTIFY arrives (default 5 s). */
  pollMs: number;
  /** Heartbeat of the server and its runs' leases (default 5 s). */
  heartbeatMs: number;
  /** A run's lease (and a server's life without heartbeat) (default 30 s). */
  leaseSeconds: number;
  /** A once-only job not started this long after Begin (no server ran) is missed (default 1 h). */
  startWindowSeconds: number;
  /** Runs at once on this server, each of another queue (default 4). */
  maxConcurrentRuns: number;
}

export const DEFAULT_TIMING: ServerTiming = {
  pollMs: 5_000,
  heartbeatMs: 5_000,
  leaseSeconds: 30,
  startWindowSeconds: 3_600,
  maxConcurrentRuns: 4,
};

export interface AppServerOptions {
  db: Db;
  name: string;
  applications: BatchApplications;
  timing?: Partial<ServerTiming>;
  clock?: () => Date;
  /** Claim only this job (`import-customers --wait`). */
  onlyJobId?: number | null;
  /** Listen for NOTIFY wake-ups (default true); false = polling only (benchmarks). */
  listen?: boolean;
  /** Where the server's events go; its runs log through children with job and run. */
  logger?: Logger;
}

export class AppServer {
  readonly name: string;
  readonly timing: ServerTiming;
  readonly #options: AppServerOptions;
  readonly #instance = randomUUID();
  readonly #clock: () => Date;
  readonly #logger: Logger;
  readonly #runs = new Map<number, ActiveRun>();
  readonly #endListeners = new Set<(summary: RunSummary) => void>();
  #pollTimer: NodeJS.Timeout | null = null;
  /** Wakes the server when the next once-only or series job is due, if that comes before the next poll. */
  #dueTimer: NodeJS.Timeout | null = null;
  #heartbeatTimer: NodeJS.Timeout | null = null;
  #unlisten: (() => Promise<void>) | null = null;
  #ticking: Promise<void> | null = null;
  #again = false;
  #stopping = false;
  /** Another process registered this server's name (this one was taken for dead): claim nothing more. */
  #nameLost = false;
  /**
   * A server for one job (onlyJobId) claimed it: it claims and sweeps nothing more, unless that run could not
   * be written at its end (then its sweeps take the run for abandoned when its lease runs out, as before).
   */
  #oneJobClaimed = false;

  private constructor(options: AppServerOptions) {
    this.#options = options;
    this.name = options.name;
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.#clock = options.clock ?? (() => new Date());
    this.#logger = (options.logger ?? silentLogger).child({ appServer: options.name });
  }

  /** Registers the server (refused while another live process has its name), then starts dispatching. */
  static async start(options: AppServerOptions): Promise<AppServer> {
    const server = new AppServer(options);
    await server.#register();
    return server;
  }

  get activeRuns(): number {
    return this.#runs.size;
  }

  /** Called after each run this server ended. */
  onRunEnded(listener: (summary: RunSummary) => void): () => void {
    this.#endListeners.add(listener);
    return () => this.#endListeners.delete(listener);
  }

  /** Dispatches now (as a NOTIFY would). */
  wake(): void {
    if (this.#stopping) return;
    if (this.#ticking) {
      this.#again = true;
      return;
    }
    this.#ticking = this.#tick().finally(() => {
      this.#ticking = null;
    });
  }

  /** Stops claiming, asks running runs to stop (they end after their current step), waits, unregisters. */
  async stop(): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    if (this.#pollTimer) clearInterval(this.#pollTimer);
    if (this.#dueTimer) clearTimeout(this.#dueTimer);
    await this.#unlisten?.().catch(() => undefined);
    await this.#ticking;
    for (const run of this.#runs.values()) {
      run.controller.abort(
        new StopReason('server-stopped', `the application server ${this.name} is stopping`, this.name),
      );
    }
    // Runs finishing their current step keep their leases until they end.
    await Promise.all([...this.#runs.values()].map((run) => run.done));
    if (this.#heartbeatTimer) clearInterval(this.#heartbeatTimer);
    await stopServer(this.#options.db, this.name, this.#instance).catch(() => undefined);
  }

  async #register(): Promise<void> {
    const { db } = this.#options;
    const registration = { name: this.name, instance: this.#instance, host: hostname(), pid: process.pid };
    let holder = await registerServer(db, registration, this.timing.leaseSeconds);
    // A holder on this host whose process is gone (killed, crashed) is replaced at once: a restart after a
    // crash need not wait for its heartbeat to go stale. Its runs keep their leases and are swept as usual.
    if (holder && holder.host === registration.host && !processRuns(holder.pid)) {
      holder = await registerServer(db, registration, this.timing.leaseSeconds, holder);
    }
    if (holder) {
      throw new ConfigError(
        'APP_SERVER_RUNNING',
        `Application server "${this.name}" is already running (pid ${holder.pid} on ${holder.host}).`,
      );
    }
    // A --wait process renews its job's wait lease before its first sweep could take the job for orphaned.
    const waited = this.#options.onlyJobId;
    if (waited != null) await extendWaitLease(db, waited, this.timing.leaseSeconds);
    const restarted = await promoteAtRestart(db, this.name, this.#options.onlyJobId ?? null);
    if (restarted.length > 0) this.#logger.info(`at restart: job(s) ${restarted.join(', ')} due`);
    if (this.#options.listen !== false) {
      this.#unlisten = await db.listen(BATCH_WAKEUP_CHANNEL, () => {
        this.wake();
        void this.#heartbeat();
      });
    }
    this.#pollTimer = setInterval(() => this.wake(), this.timing.pollMs);
    this.#heartbeatTimer = setInterval(() => void this.#heartbeat(), this.timing.heartbeatMs);
    this.wake();
  }

  async #tick(): Promise<void> {
    const { db } = this.#options;
    do {
      this.#again = false;
      // A server for one job (import-customers --wait) has nothing to claim or sweep while that job runs, nor
      // after it ended: the real servers and the processes still waiting for their jobs sweep.
      if (this.#oneJobClaimed) return;
      try {
        const swept = await sweep(db, this.timing.leaseSeconds, this.#clock());
        for (const name of swept.deadServers)
          this.#logger.warn(`application server ${name} is dead`, { deadServer: name });
        if (swept.abandonedRuns.length > 0)
          this.#logger.warn(`abandoned run(s) ${swept.abandonedRuns.join(', ')}`);
        if (swept.abandonedJobs.length > 0)
          this.#logger.warn(`abandoned job(s) ${swept.abandonedJobs.join(', ')}: their --wait process died`);
        // A server for one job (import-customers --wait) leaves other jobs' schedules to the real servers.
        // Nor does it need to wake when one is due: its job is ready (--wait starts add-to-queue or at-restart).
        const oneJob = this.#options.onlyJobId != null;
        if (!oneJob) await promote(db, this.#clock(), this.timing.startWindowSeconds);
        await this.#claim();
        if (!oneJob) this.#wakeWhenDue(await nextDueAt(db));
      } catch (error) {
        this.#logger.error(`dispatcher: ${error instanceof Error ? error.message : String(error)}`);
      }
    } while (this.#again && !this.#stopping);
  }

  #wakeWhenDue(next: Date | null): void {
    if (this.#dueTimer) clearTimeout(this.#dueTimer);
    this.#dueTimer = null;
    if (next === null || this.#stopping) return;
    const wait = next.getTime() - this.#clock().getTime();
    if (wait >= this.timing.pollMs) return;
    // Overdue yet still released (another server holds its row right now): look again in a second, not at once.
    this.#dueTimer = setTimeout(() => this.wake(), wait <= 0 ? 1_000 : wait + 5);
    this.#dueTimer.unref();
  }

  async #claim(): Promise<void> {
    const { db, applications } = this.#options;
    while (!this.#stopping && !this.#nameLost && this.#runs.size < this.timing.maxConcurrentRuns) {
      const token = randomUUID();
      const claimed = await claimRun(db, {
        server: this.name,
        token,
        leaseSeconds: this.timing.leaseSeconds,
        onlyJobId: this.#options.onlyJobId ?? null,
        applications: applications.names(),
      });
      if (!claimed) return;
      if (this.#options.onlyJobId != null) this.#oneJobClaimed = true;
      const run = startRun(
        { db, applications, clock: this.#clock, logger: this.#logger },
        { ...claimed, token },
      );
      this.#runs.set(run.runId, run);
      void run.done.then((summary) => {
        this.#runs.delete(run.runId);
        if (summary) for (const listener of this.#endListeners) listener(summary);
        else this.#oneJobClaimed = false;
        this.wake();
      });
      if (this.#oneJobClaimed) return;
    }
  }

  #heartbeating = false;

  async #heartbeat(): Promise<void> {
    if (this.#heartbeating || this.#nameLost) return;
    this.#heartbeating = true;
    const { db } = this.#options;
    try {
      if (!(await heartbeatServer(db, this.name, this.#instance))) {
        if (this.#stopping) return;
        this.#nameLost = true;
        this.#logger.error(
          `application server ${this.name} was registered by another process; stopping its runs`,
        );
        for (const run of this.#runs.values())
          run.controller.abort(new StopReason('lease-lost', 'lease lost'));
        return;
      }
      // An import-customers --wait process: its heartbeat keeps its job's wait lease while the job waits.
      const waited = this.#options.onlyJobId;
      if (waited != null) await extendWaitLease(db, waited, this.timing.leaseSeconds);
      for (const run of this.#runs.values()) {
        const lease = await extendLease(
          db,
          { id: run.runId, token: run.token },
          this.timing.leaseSeconds,
          run,
        );
        if (!lease) run.controller.abort(new StopReason('lease-lost', 'the run was taken for abandoned'));
        else if (lease.cancelRequested)
          run.controller.abort(new StopReason('canceled', 'canceled by a user'));
      }
    } catch (error) {
      this.#logger.error(`heartbeat: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.#heartbeating = false;
    }
  }
}

/** Whether a process with this pid runs on this host (EPERM: it runs, under another user). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
