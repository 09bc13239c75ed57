/**
 * Runs one claimed job on this application server: calls the batch application with an AbortSignal that
 * fires on Maximum run time, a cancel request, a server stop or a lost lease; then ends the run, moves the
 * job on and notifies its user, all in one transaction fenced by the run's lease token.
 */

import type { BatchJob } from '../domain/batch-job.ts';
import type { RunProgress, RunReason } from '../domain/batch-run.ts';
import { asKontorError } from '../domain/errors.ts';
import type { Logger } from '../domain/logger.ts';
import { type Messages, messagesFor } from '../domain/messages/messages.ts';
import { OltpService, oltpDb } from '../oltp/oltp-service.ts';
import { getJob, lockJob, wakeServers } from '../storage/batch-job-store.ts';
import { endRun, moveJobAfterRun, type RunEnd } from '../storage/batch-run-store.ts';
import type { Db } from '../storage/db.ts';
import { insertNotifications } from '../storage/notification-store.ts';
import type { BatchApplications, RunOutcome } from './batch-application.ts';
import { nextAfterRun } from './job-lifecycle.ts';
import { noticesForRunEnd } from './notification-rules.ts';

/** Why a run was stopped; its message ends up in the run's error ("The run was stopped: ..."). */
export class StopReason extends Error {
  constructor(
    readonly reason: Exclude<RunReason, 'error' | 'server-died'>,
    message: string,
    /** The application server that is stopping (reason server-stopped), for the user's notice. */
    readonly server: string | null = null,
  ) {
    super(message);
  }
}

export interface ActiveRun {
  readonly runId: number;
  readonly jobId: number;
  readonly token: string;
  readonly controller: AbortController;
  counts: Record<string, number> | null;
  progress: RunProgress | null;
  /** Resolves when the run has ended and was written (or found its lease lost). */
  done: Promise<RunSummary | null>;
}

export interface RunSummary {
  runId: number;
  job: BatchJob;
  end: RunEnd;
  summary: string;
}

export interface ExecutorDeps {
  db: Db;
  applications: BatchApplications;
  clock: () => Date;
  /** The server's logger; each run logs through a child with job and run. */
  logger: Logger;
}

export function startRun(
  deps: ExecutorDeps,
  claim: { runId: number; jobId: number; token: string },
): ActiveRun {
  const active: ActiveRun = {
    ...claim,
    controller: new AbortController(),
    counts: null,
    progress: null,
    done: Promise.resolve(null),
  };
  active.done = execute(deps, active).catch((error: unknown) => {
    deps.logger.error(
      `run ${claim.runId}: could not be written: ${asKontorError(error).detail ?? String(error)}`,
      { job: claim.jobId, run: claim.runId },
    );
    return null;
  });
  return active;
}

async function execute(deps: ExecutorDeps, active: ActiveRun): Promise<RunSummary | null> {
  const { db } = deps;
  const job = await getJob(db, active.jobId);
  if (!job) return null;
  const log = deps.logger.child({ job: job.id, run: active.runId });
  const signal = active.controller.signal;
  const timer =
    job.maxRunSeconds === null
      ? null
      : setTimeout(
          () =>
            active.controller.abort(
              new StopReason('timeout', `maximum run time of ${job.maxRunSeconds} s reached`),
            ),
          job.maxRunSeconds * 1000,
        );
  log.info(`run ${active.runId} of job ${job.id} "${job.name}" (${job.application}) started`, {
    event: 'run-started',
    application: job.application,
    queue: job.queue,
  });
  let outcome: RunOutcome;
  try {
    const application = deps.applications.get(job.application);
    if (!application) throw new Error(`unknown batch application ${job.application}`);
    const settings = await application.parseSettings(job.settings);
    // The job runs against the OLTP database it was filed for; this server serves every one.
    const oltp = await new OltpService(db).resolve(job.oltpDatabase);
    outcome = await application.run({
      db: oltpDb(db, oltp.name),
      job,
      settings,
      signal,
      logger: log,
      onProgress: (counts, progress) => {
        active.counts = counts;
        if (progress) active.progress = progress;
      },
      lease: { runId: active.runId, token: active.token },
    });
  } catch (error) {
    const failure = asKontorError(error);
    if (failure.kind === 'bug') log.error(`run ${active.runId}: ${failure.detail ?? failure.message}`);
    outcome = {
      state: 'failed',
      hasErrors: true,
      counts: active.counts,
      error: { code: failure.code, message: failure.message },
      needsUser: failure.kind === 'config' || failure.kind === 'auth',
      summary: failure.message,
    };
  } finally {
    if (timer) clearTimeout(timer);
  }
  const stop = signal.aborted && signal.reason instanceof StopReason ? signal.reason : null;
  if (stop?.reason === 'lease-lost') {
    log.warn(`run ${active.runId}: lease lost (taken for dead); nothing written`);
    return null;
  }
  const end = runEnd(outcome, stop, active);
  // In the job's content language, like the application's summary and the notices.
  const messages = messagesFor(job.contentLanguage);
  const summary =
    stop && outcome.state === 'failed'
      ? messages.say('summary.stopped', { reason: stopText(stop, job, messages), summary: outcome.summary })
      : outcome.summary;
  const written = await db.transaction(async (tx) => {
    if (!(await endRun(tx, { id: active.runId, token: active.token }, end))) return false;
    // Locked: a cancel request or trigger committed meanwhile is seen, not overwritten.
    await lockJob(tx, job.id);
    const current = (await getJob(tx, job.id)) ?? job;
    const next = nextAfterRun(current, { state: end.state, needsUser: outcome.needsUser }, deps.clock());
    await moveJobAfterRun(tx, { id: job.id, token: active.token }, next);
    const notices = noticesForRunEnd(current, {
      hasErrors: end.hasErrors,
      timedOut: end.reason === 'timeout',
      seriesCanceled: next.seriesCanceled,
      state: end.state,
      summary,
    });
    await insertNotifications(tx, { user: job.user, jobId: job.id, runId: active.runId }, notices);
    await wakeServers(tx, 'run-ended');
    return true;
  });
  if (!written) {
    log.warn(`run ${active.runId}: lease lost before it ended; nothing written`);
    return null;
  }
  log[end.state === 'finished' ? 'info' : 'warn'](
    `run ${active.runId} of job ${job.id} "${job.name}" ${end.state}${end.reason ? ` (${end.reason})` : ''}`,
    { event: 'run-ended', state: end.state, reason: end.reason, hasErrors: end.hasErrors },
  );
  return { runId: active.runId, job, end, summary };
}

function stopText(stop: StopReason, job: BatchJob, messages: Messages): string {
  if (stop.reason === 'timeout') return messages.say('stop.timeout', { seconds: String(job.maxRunSeconds) });
  if (stop.reason === 'canceled') return messages.say('stop.canceled', {});
  if (stop.reason === 'server-stopped' && stop.server !== null)
    return messages.say('stop.server-stopped', { server: stop.server });
  return stop.message;
}

function runEnd(outcome: RunOutcome, stop: StopReason | null, active: ActiveRun): RunEnd {
  const base = { counts: outcome.counts ?? active.counts, progress: active.progress };
  if (stop && outcome.state === 'failed') {
    if (stop.reason === 'canceled') {
      return { ...base, state: 'canceled', hasErrors: false, reason: 'canceled', error: null };
    }
    const code = stop.reason === 'timeout' ? 'TIMEOUT' : 'SERVER_STOPPED';
    return {
      ...base,
      state: 'failed',
      hasErrors: true,
      reason: stop.reason,
      error: { code, message: `The run was stopped: ${stop.message}.` },
    };
  }
  return {
    ...base,
    state: outcome.state,
    hasErrors: outcome.hasErrors,
    reason: outcome.state === 'failed' ? 'error' : null,
    error: outcome.error,
  };
}
