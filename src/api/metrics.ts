/**
 * The figures of `GET /metrics` (Prometheus text format, prom-client; docs/observability.md). Two sources:
 * - in this process: the HTTP request latency histogram of this server, and Node's process metrics
 *   (`process_*`, `nodejs_*`), which belong to the process that is scraped;
 * - read from the database at each scrape: jobs and runs by state, queue depth and wait, application
 *   servers alive, import runs and records per channel. Those are shared by every process on the database
 *   (the imports mostly run in workers, which serve no HTTP), so any one `kontor serve` gives the whole
 *   picture. Records are counters: the sums over all import runs of a channel, committed pages included
 *   while a run is still running, so they move during an import.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { MetricsSnapshot } from '../domain/metrics-snapshot.ts';

/** The records of a run's counts under the `outcome` label (errors are the records that failed). */
const OUTCOMES = {
  read: 'read',
  created: 'created',
  updated: 'updated',
  unchanged: 'unchanged',
  skipped: 'skipped',
  warnings: 'imported_with_warnings',
  errors: 'failed',
  awaiting: 'awaiting_confirmation',
  deactivated: 'deactivated',
} as const;

const JOB_STATES = [
  'planned',
  'released',
  'ready',
  'active',
  'finished',
  'failed',
  'canceled',
  'missed',
  'abandoned',
];
const RUN_STATES = ['active', 'finished', 'failed', 'canceled', 'abandoned'];
const SERVER_STATUSES = ['running', 'stopped', 'dead'];

/** Routes whose answers are streams, not requests: left out of the latency histogram. */
const STREAMS = new Set(['/api/events']);

export class ApiMetrics {
  readonly registry = new Registry();
  readonly #snapshot: () => Promise<MetricsSnapshot>;
  readonly #http: Histogram<'method' | 'route' | 'status'>;
  readonly #jobs: Gauge<'state'>;
  readonly #runs: Gauge<'state'>;
  readonly #queueJobs: Gauge<'queue' | 'state'>;
  readonly #queueWait: Gauge<'queue'>;
  readonly #servers: Gauge<'status'>;
  readonly #serversAlive: Gauge;
  readonly #serverUp: Gauge<'server'>;
  readonly #heartbeatAge: Gauge<'server'>;
  readonly #importRuns: Gauge<'channel' | 'state'>;
  readonly #records: Counter<'channel' | 'outcome'>;
  readonly #databaseUp: Gauge;
  readonly #scrapeSeconds: Gauge;
  /** Node's process metrics start with the first scrape (a server nobody scrapes keeps no observers). */
  #defaults = false;

  constructor(snapshot: () => Promise<MetricsSnapshot>, version: string) {
    this.#snapshot = snapshot;
    const registers = [this.registry];
    new Gauge({
      name: 'kontor_build_info',
      help: 'This Kontor (value 1)',
      labelNames: ['version'],
      registers,
    }).set({ version }, 1);
    this.#http = new Histogram({
      name: 'kontor_http_request_duration_seconds',
      help: 'HTTP requests answered by this server, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    const gauge = <L extends string>(name: string, help: string, labelNames: L[]) =>
      new Gauge<L>({ name, help, labelNames, registers });
    this.#jobs = gauge('kontor_batch_jobs', 'Batch jobs by state', ['state']);
    this.#runs = gauge(
      'kontor_batch_runs',
      'Batch runs by state (active: running now; the others only grow)',
      ['state'],
    );
    this.#queueJobs = gauge('kontor_queue_jobs', 'Jobs of a processing queue: ready (its depth) and active', [
      'queue',
      'state',
    ]);
    this.#queueWait = gauge(
      'kontor_queue_oldest_wait_seconds',
      'How long the first ready job of a queue has waited since it became due (0: none waits)',
      ['queue'],
    );
    this.#servers = gauge('kontor_app_servers', 'Registered application servers by status', ['status']);
    this.#serversAlive = gauge(
      'kontor_app_servers_alive',
      'Application servers running with a fresh heartbeat',
      [],
    );
    this.#serverUp = gauge('kontor_app_server_up', 'An application server is alive (1) or not (0)', [
      'server',
    ]);
    this.#heartbeatAge = gauge(
      'kontor_app_server_heartbeat_age_seconds',
      "Seconds since an application server's last heartbeat",
      ['server'],
    );
    this.#importRuns = gauge('kontor_import_runs', 'Import runs of a sales channel by state', [
      'channel',
      'state',
    ]);
    this.#records = new Counter({
      name: 'kontor_import_records_total',
      help: 'Records of all import runs of a sales channel: read, and what became of them (failed: errors)',
      labelNames: ['channel', 'outcome'],
      registers,
    });
    this.#databaseUp = gauge('kontor_database_up', 'The database answered the figures of this scrape', []);
    this.#scrapeSeconds = gauge(
      'kontor_metrics_database_seconds',
      'Time the figures of this scrape took to read from the database',
      [],
    );
  }

  /** One answered request (from the onResponse hook). */
  observeRequest(method: string, route: string | undefined, status: number, seconds: number): void {
    if (route !== undefined && STREAMS.has(route)) return;
    this.#http.observe({ method, route: route ?? 'unmatched', status: String(status) }, seconds);
  }

  /** The text of a scrape: the database's figures read now, and this process's own. */
  async scrape(): Promise<string> {
    if (!this.#defaults) {
      collectDefaultMetrics({ register: this.registry });
      this.#defaults = true;
    }
    const started = performance.now();
    try {
      this.#apply(await this.#snapshot());
      this.#databaseUp.set(1);
    } catch {
      // The last figures would pass for current: without the database there are none.
      for (const metric of [this.#jobs, this.#runs, this.#queueJobs, this.#queueWait, this.#servers])
        metric.reset();
      for (const metric of [this.#serverUp, this.#heartbeatAge, this.#importRuns, this.#records])
        metric.reset();
      this.#serversAlive.reset();
      this.#databaseUp.set(0);
    }
    this.#scrapeSeconds.set((performance.now() - started) / 1000);
    return await this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  #apply(snapshot: MetricsSnapshot): void {
    setByState(this.#jobs, JOB_STATES, snapshot.jobsByState);
    setByState(this.#runs, RUN_STATES, snapshot.runsByState);
    this.#queueJobs.reset();
    this.#queueWait.reset();
    for (const queue of snapshot.queues) {
      this.#queueJobs.set({ queue: queue.queue, state: 'ready' }, queue.ready);
      this.#queueJobs.set({ queue: queue.queue, state: 'active' }, queue.active);
      this.#queueWait.set({ queue: queue.queue }, queue.oldestWaitSeconds);
    }
    const byStatus: Record<string, number> = {};
    this.#serverUp.reset();
    this.#heartbeatAge.reset();
    for (const server of snapshot.servers) {
      byStatus[server.status] = (byStatus[server.status] ?? 0) + 1;
      this.#serverUp.set({ server: server.server }, server.alive ? 1 : 0);
      this.#heartbeatAge.set({ server: server.server }, server.heartbeatAgeSeconds);
    }
    setByState(this.#servers, SERVER_STATUSES, byStatus, 'status');
    this.#serversAlive.set(snapshot.servers.filter((server) => server.alive).length);
    this.#importRuns.reset();
    this.#records.reset();
    for (const channel of snapshot.channels) {
      for (const [state, count] of Object.entries(channel.runs))
        this.#importRuns.set({ channel: channel.channel, state }, count);
      for (const [key, outcome] of Object.entries(OUTCOMES))
        this.#records.inc(
          { channel: channel.channel, outcome },
          channel.records[key as keyof typeof OUTCOMES],
        );
    }
  }
}

function setByState<L extends string>(
  metric: Gauge<L>,
  states: readonly string[],
  counts: Record<string, number>,
  label = 'state',
): void {
  metric.reset();
  for (const state of new Set([...states, ...Object.keys(counts)]))
    metric.set({ [label]: state } as Partial<Record<L, string>>, counts[state] ?? 0);
}
