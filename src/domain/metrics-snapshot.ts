/**
 * The figures that GET /metrics reads from the database at a scrape (src/storage/metrics-store.ts): shared by
 * every process on the database, so any one `kontor serve` reports them right (docs/observability.md).
 */

export interface QueueFigures {
  queue: string;
  /** Jobs due and waiting for their turn (state ready). */
  ready: number;
  active: number;
  /** How long the first ready job has waited since it became due (0 when none waits). */
  oldestWaitSeconds: number;
}

export interface ChannelFigures {
  channel: string;
  /** Import runs of the channel by state (running, finished, failed). */
  runs: Record<string, number>;
  /** Records of all its import runs, committed pages included while a run is still running. */
  records: {
    read: number;
    created: number;
    updated: number;
    unchanged: number;
    skipped: number;
    warnings: number;
    errors: number;
    awaiting: number;
    deactivated: number;
  };
}

export interface ServerFigures {
  server: string;
  status: string;
  /** Registered as running and its heartbeat is younger than the lease. */
  alive: boolean;
  heartbeatAgeSeconds: number;
}

export interface MetricsSnapshot {
  jobsByState: Record<string, number>;
  runsByState: Record<string, number>;
  queues: QueueFigures[];
  channels: ChannelFigures[];
  servers: ServerFigures[];
}
