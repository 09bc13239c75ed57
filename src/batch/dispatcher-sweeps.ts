/**
 * The housekeeping every application server does on each poll (safe to run on all at once): the sweeper
 * (dead servers, abandoned runs, jobs whose --wait process died) and the promotion of released jobs whose start came (Begin, series slot).
 */
import { messagesFor } from '../domain/messages/messages.ts';
import { markDeadServers } from '../storage/app-server-store.ts';
import { getJob, wakeServers } from '../storage/batch-job-store.ts';
import { abandonExpiredRuns, moveJobAfterRun } from '../storage/batch-run-store.ts';
import { promoteDue } from '../storage/batch-schedule-store.ts';
import { abandonJobsOfDeadWaiters } from '../storage/batch-wait-store.ts';
import type { Db } from '../storage/db.ts';
import { insertNotifications } from '../storage/notification-store.ts';
import { nextAfterRun } from './job-lifecycle.ts';
import { noticesForMissed, noticesForRunEnd } from './notification-rules.ts';

export interface SweepResult {
  deadServers: string[];
  abandonedRuns: number[];
  /** Jobs filed with --wait whose waiting process died before they started: ended abandoned (WAITER_DIED). */
  abandonedJobs: number[];
}

/** Marks servers without heartbeat dead and their runs (lease expired) abandoned; their queues go on. */
export async function sweep(db: Db, leaseSeconds: number, now: Date): Promise<SweepResult> {
  const deadServers = await markDeadServers(db, leaseSeconds);
  const abandonedRuns = await db.transaction(async (tx) => {
    const runs = await abandonExpiredRuns(tx);
    for (const run of runs) {
      const job = await getJob(tx, run.jobId);
      if (!job) continue;
      const next = nextAfterRun(job, { state: 'abandoned', needsUser: false }, now);
      await moveJobAfterRun(tx, { id: job.id, token: run.token }, next);
      const notices = noticesForRunEnd(job, {
        hasErrors: true,
        timedOut: false,
        seriesCanceled: next.seriesCanceled,
        state: 'abandoned',
        summary: messagesFor(job.contentLanguage).say('summary.server-died', {
          server: String(run.appServer),
        }),
      });
      await insertNotifications(tx, { user: job.user, jobId: job.id, runId: run.runId }, notices);
    }
    if (runs.length > 0) await wakeServers(tx, 'sweep');
    return runs.map((run) => run.runId);
  });
  const abandonedJobs = await abandonWaitedJobs(db);
  return { deadServers, abandonedRuns, abandonedJobs };
}

/** Ends ready or released jobs whose --wait process died (their wait lease expired); their queues go on. */
async function abandonWaitedJobs(db: Db): Promise<number[]> {
  return await db.transaction(async (tx) => {
    const ended = await abandonJobsOfDeadWaiters(tx);
    for (const { jobId, runId, waiter } of ended) {
      const job = await getJob(tx, jobId);
      if (!job) continue;
      const notices = noticesForRunEnd(job, {
        hasErrors: true,
        timedOut: false,
        seriesCanceled: false,
        state: 'abandoned',
        summary: messagesFor(job.contentLanguage).say('summary.waiter-gone', { waiter: String(waiter) }),
      });
      await insertNotifications(tx, { user: job.user, jobId, runId }, notices);
    }
    if (ended.length > 0) await wakeServers(tx, 'sweep');
    return ended.map((job) => job.jobId);
  });
}

/** Once-only jobs at Begin and series at their slot become ready (or missed / finished); returns how many. */
export async function promote(db: Db, now: Date, startWindowSeconds: number): Promise<number> {
  return await db.transaction(async (tx) => {
    const promoted = await promoteDue(tx, now, startWindowSeconds);
    for (const { id, state } of promoted) {
      if (state !== 'missed') continue;
      const job = await getJob(tx, id);
      if (job)
        await insertNotifications(tx, { user: job.user, jobId: id, runId: null }, noticesForMissed(job));
    }
    if (promoted.some((p) => p.state === 'ready')) await wakeServers(tx, 'due');
    return promoted.length;
  });
}
