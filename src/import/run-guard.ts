/**
 * One import of a channel at a time, and who keeps a run alive. Inside a batch job the run lives under the
 * batch run's lease (its heartbeat is the only one): a channel busy with another live run makes the job wait
 * and try again until that run ends or dies (at the latest when its lease expires), reading the channel (its
 * watermark) afresh for every try. Outside a job (a direct
 * call of the import service) the run keeps a lease of its own, renewed here, and a busy channel is refused
 * with IMPORT_RUNNING. Opening the run is tried again after a database fault (import/database-retry.ts).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BatchLease } from '../domain/batch-run.ts';
import { AbortedError, ConfigError, DataError } from '../domain/errors.ts';
import type { Db } from '../storage/db.ts';
import { type NewRun, renewRunLease, runningRunOf, startRun } from '../storage/import-run-store.ts';
import { abortReason } from './abort-reason.ts';
import { retryDatabaseStep } from './database-retry.ts';

/** The own lease of a run outside a job (renewed every third of it). */
export const RUN_LEASE_SECONDS = 30;
/** Inside a job: how often a busy channel is looked at again. */
export const BUSY_RETRY_MS = 1_000;

export interface RunGuardOptions {
  /** The batch run this import runs under; null or absent = outside a job. */
  lease?: BatchLease | null;
  /** Stops waiting for a busy channel (maximum run time, cancel, server stop). */
  signal?: AbortSignal;
  /** Overrides for tests. */
  leaseSeconds?: number;
  retryMs?: number;
}

export interface GuardedRun<Start> {
  runId: number;
  /** What the attempt that opened the run prepared. */
  start: Start;
  /** Stops renewing the run's own lease (call when the run has ended). */
  release(): void;
}

/** One attempt's preparation: the channel and the run to open (read afresh after each wait), and what it needs. */
export type PrepareRun<Start> = () => Promise<{
  channel: { id: number; name: string };
  run: NewRun;
  start: Start;
}>;

export async function openGuardedRun<Start>(
  db: Db,
  prepare: PrepareRun<Start>,
  options: RunGuardOptions = {},
): Promise<GuardedRun<Start>> {
  const lease = options.lease ?? null;
  return lease ? await openInJob(db, prepare, lease, options) : await openAlone(db, prepare, options);
}

async function openInJob<Start>(
  db: Db,
  prepare: PrepareRun<Start>,
  lease: BatchLease,
  options: RunGuardOptions,
): Promise<GuardedRun<Start>> {
  for (;;) {
    if (options.signal?.aborted) throw new AbortedError(abortReason(options.signal));
    const { run, start } = await prepare();
    const started = await retryDatabaseStep(
      () => db.transaction((tx) => startRun(tx, run, { batchRun: lease })),
      {
        signal: options.signal,
      },
    );
    if (started.state === 'opened') return { runId: started.runId, start, release: () => undefined };
    if (started.state === 'lease-lost') {
      throw new DataError(
        'LEASE_LOST',
        `Batch run ${lease.runId} was taken for abandoned before its import began; nothing was imported.`,
      );
    }
    // Busy: the other run ends, or dies and is closed by the next try once its lease expired.
    await sleep(options.retryMs ?? BUSY_RETRY_MS, undefined, { signal: options.signal }).catch(
      () => undefined,
    );
  }
}

async function openAlone<Start>(
  db: Db,
  prepare: PrepareRun<Start>,
  options: RunGuardOptions,
): Promise<GuardedRun<Start>> {
  const seconds = options.leaseSeconds ?? RUN_LEASE_SECONDS;
  const { channel, run, start } = await prepare();
  const started = await retryDatabaseStep(() =>
    db.transaction((tx) => startRun(tx, run, { ownLeaseSeconds: seconds })),
  );
  if (started.state !== 'opened') {
    const other = await runningRunOf(db, channel.id);
    throw new ConfigError(
      'IMPORT_RUNNING',
      `An import of sales channel "${channel.name}" is already running (run ${other}).`,
    );
  }
  const { runId } = started;
  const timer = setInterval(
    () => void renewRunLease(db, runId, seconds).catch(() => undefined),
    (seconds * 1000) / 3,
  );
  timer.unref();
  return { runId, start, release: () => clearInterval(timer) };
}
