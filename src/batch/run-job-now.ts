/**
 * Runs one filed job in this process, as an application server of its own (`kontor import-customers --wait`):
 * the server claims only this job (when it is the first of its queue and the queue is free), runs it and
 * stops. Its heartbeat keeps the job's wait lease (the job was filed naming this process, waiterName), so a
 * job whose waiter died holds its queue no longer. Resolves with the run, or null when the job ended without a
 * run of this process (e.g. canceled, or given up because this process's heartbeat stopped).
 */
import { hostname } from 'node:os';
import { OPEN_STATES } from '../domain/batch-job.ts';
import type { BatchRun } from '../domain/batch-run.ts';
import type { Logger } from '../domain/logger.ts';
import { forgetServer } from '../storage/app-server-store.ts';
import { getJob } from '../storage/batch-job-store.ts';
import { listRuns } from '../storage/batch-run-store.ts';
import { WAITER_DIED } from '../storage/batch-wait-store.ts';
import type { Db } from '../storage/db.ts';
import { AppServer, type ServerTiming } from './app-server.ts';
import type { BatchApplications } from './batch-application.ts';

export interface RunJobNowOptions {
  db: Db;
  applications: BatchApplications;
  jobId: number;
  /** The server name (the job's Application server, if it names one); default cli-<host>-<pid>. */
  serverName?: string | null;
  signal?: AbortSignal;
  timing?: Partial<ServerTiming>;
  /** Where the run's events go (the CLI: warnings and errors on stderr); default none. */
  logger?: Logger;
}

/** The name this process runs a job under: the job's Application server, or cli-<host>-<pid>. */
export function waiterName(serverName?: string | null): string {
  return serverName ?? `cli-${hostname()}-${process.pid}`;
}

export async function runJobNow(options: RunJobNowOptions): Promise<BatchRun | null> {
  const { db, jobId } = options;
  const ephemeral = !options.serverName;
  const name = waiterName(options.serverName);
  const server = await AppServer.start({
    db,
    name,
    applications: options.applications,
    onlyJobId: jobId,
    timing: options.timing,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  try {
    const runId = await new Promise<number | null>((resolve) => {
      const stopListening = server.onRunEnded((summary) => {
        if (summary.job.id !== jobId) return;
        cleanup();
        resolve(summary.runId);
      });
      // Ended some other way (canceled by a user) or stopped by the caller. While its run is on, the run's
      // end (or its lease, for a cancel) tells.
      const check = setInterval(() => {
        if (server.activeRuns > 0) return;
        void getJob(db, jobId)
          .then((job) => {
            if (
              job &&
              job.state !== 'active' &&
              !OPEN_STATES.includes(job.state) &&
              server.activeRuns === 0
            ) {
              cleanup();
              resolve(null);
            }
          })
          .catch(() => undefined); // a database hiccup: look again at the next poll
      }, server.timing.pollMs);
      const onAbort = () => {
        cleanup();
        void server.stop().then(() => resolve(-1));
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      function cleanup() {
        stopListening();
        clearInterval(check);
        options.signal?.removeEventListener('abort', onAbort);
      }
    });
    const runs = await listRuns(db, [jobId]);
    // Ended without a run here: given up under this process's name (its wait lease ran out), or canceled.
    if (runId === null)
      return runs.find((run) => run.appServer === name && run.error?.code === WAITER_DIED) ?? null;
    return (runId === -1 ? runs.at(-1) : runs.find((run) => run.id === runId)) ?? null;
  } finally {
    await server.stop();
    if (ephemeral) await forgetServer(db, name).catch(() => undefined);
  }
}
