/**
 * The Import customers application: reads the selected customers of one sales channel through its
 * adapter and imports them page by page, each page in one transaction, keeping a run log.
 */
import type { AdapterRegistry } from '../adapters/registry.ts';
import type { BatchLease, RunProgress } from '../domain/batch-run.ts';
import { AbortedError, asKontorError, BugError, NotFoundError } from '../domain/errors.ts';
import type { ImportRun, RunCounts } from '../domain/import-run.ts';
import { addCounts, ZERO_COUNTS } from '../domain/import-run.ts';
import type { Logger } from '../domain/logger.ts';
import { redact } from '../domain/redact.ts';
import { ChannelSecrets } from '../secrets/channel-secrets.ts';
import { findChannelByName, setWatermark } from '../storage/channel-store.ts';
import type { Db } from '../storage/db.ts';
import { finishRun, getRun, recordPage } from '../storage/import-run-store.ts';
import { hasClosableRecords } from '../storage/open-record-store.ts';
import { partnerGrowthWatch, refreshPartnerStatistics } from '../storage/partner-statistics-store.ts';
import { checkpointEmbedded } from '../storage/pglite-checkpoint.ts';
import { abortReason } from './abort-reason.ts';
import { retryDatabaseStep } from './database-retry.ts';
import { scanForDeletedAccounts } from './deletions.ts';
import { checkImportSettings } from './import-settings.ts';
import { rereadOpenRecords } from './open-record-reread.ts';
import { prefetchPages } from './page-pipeline.ts';
import { commitPage } from './page-writer.ts';
import { planContext } from './plan-context.ts';
import { readChannel } from './read-hand-off.ts';
import { RequestedEmails } from './requested-emails.ts';
import { openGuardedRun } from './run-guard.ts';
import { type ChangedSince, movesWatermark } from './selection.ts';
import { stderrLogger } from './stderr-logger.ts';
import { WatermarkTracker } from './watermark.ts';

export interface ImportRequest {
  channel: string;
  changedSince: ChangedSince;
  timestamp: Date | null;
  /** Non-null = By email. */
  emails: string[] | null;
  deactivateDeleted: boolean;
  confirmAllWarnings: boolean;
  /**
   * The job's content language (any BCP 47 tag): the run log is written in its catalogue (English when
   * Kontor has none for it, and when absent).
   */
  contentLanguage?: string | null;
}

export interface ImportDeps {
  db: Db;
  adapters: AdapterRegistry;
  now?: () => Date;
  /** Opens the channel's sealed secrets (default: with the keys of this process's environment). */
  secrets?: ChannelSecrets;
  /**
   * Where the run's events and internal details of failures go (never shown to users); its lines carry
   * importRun and channel. Default: stderr.
   */
  logger?: Logger;
  /** The own lease of a run outside a job (default 30 s; tests). */
  runLeaseSeconds?: number;
}

export interface ImportHooks {
  /** Stops the run between pages (maximum run time, cancel). */
  signal?: AbortSignal;
  /** Called after every committed page with the run's counts so far, the pages read and the shop's total. */
  onProgress?: (counts: RunCounts, progress: RunProgress) => void;
  /** Called once the import run exists. */
  onStart?: (runId: number) => void;
  /**
   * The batch run this import runs under: its lease keeps the import run alive (linked when the run opens),
   * and a channel busy with another run makes it wait. Absent: the run keeps a lease of its own.
   */
  lease?: BatchLease | null;
  /** Inside a job: how often a busy channel is looked at again (default 1 s; tests). */
  busyRetryMs?: number;
}

export async function runImport(
  deps: ImportDeps,
  request: ImportRequest,
  hooks: ImportHooks = {},
): Promise<ImportRun> {
  const { db } = deps;
  const baseLog = deps.logger ?? stderrLogger;
  // Read (again after a wait for a busy channel) what the run starts from: the channel and its watermark.
  const guarded = await openGuardedRun(
    db,
    async () => {
      const stored = await findChannelByName(db, request.channel);
      if (!stored) throw new NotFoundError('Sales channel', request.channel);
      const channel = (deps.secrets ?? new ChannelSecrets()).open(stored);
      const adapter = deps.adapters.get(channel.adapter);
      const readStartedAt = deps.now?.() ?? new Date();
      const selection = checkImportSettings(request, {
        adapterLabel: adapter.label,
        capabilities: adapter.capabilities,
        watermark: channel.watermark,
        now: readStartedAt,
      });
      const run = {
        channelId: channel.id,
        changedSince: selection.mode,
        since: selection.since?.toISOString() ?? null,
        emails: selection.emails,
        options: {
          deactivateDeleted: request.deactivateDeleted,
          confirmAllWarnings: request.confirmAllWarnings,
        },
        watermarkBefore: channel.watermark,
      };
      return { channel, run, start: { channel, adapter, readStartedAt, selection } };
    },
    {
      lease: hooks.lease,
      signal: hooks.signal,
      retryMs: hooks.busyRetryMs,
      leaseSeconds: deps.runLeaseSeconds,
    },
  );
  const { channel, adapter, readStartedAt, selection } = guarded.start;
  const { runId } = guarded;
  hooks.onStart?.(runId);
  const log = baseLog.child({ importRun: runId, channel: channel.name });
  log.info(`import run ${runId} of sales channel "${channel.name}" started (${selection.mode})`, {
    event: 'import-started',
    adapter: channel.adapter,
    changedSince: selection.mode,
  });

  // Where the read began on the shop's clock: the watermark for a Last transfer, the beginning otherwise.
  const readFrom = selection.since === null ? null : channel.watermark;
  const tracker = new WatermarkTracker(channel.watermark, readStartedAt, readFrom);
  const context = planContext(channel, adapter, request, readStartedAt);
  const connection = { url: channel.url, settings: channel.settings };
  // Statistics only speed the work up: a failed refresh is a warning.
  const statisticsFailed = (error: unknown) =>
    log.warn(`kontor: import run ${runId}: refreshing the partner statistics failed: ${String(error)}`);
  let counts: RunCounts = { ...ZERO_COUNTS };
  const progress: RunProgress = { pages: 0, total: null };
  let failure: { code: string; message: string } | null = null;
  let aborted = false;
  try {
    // Page n+1 is fetched while page n is written (in a worker thread when the read is long: read-hand-off.ts);
    // a stop or a failed write ends the read ahead.
    const pages = prefetchPages(
      (signal) =>
        readChannel(
          adapter,
          connection,
          { since: selection.since, emails: selection.emails, cursor: null },
          signal,
        ),
      { signal: hooks.signal },
    );
    const target = {
      ...{ runId, channelId: channel.id, context, deactivateDeleted: request.deactivateDeleted },
      closable: { mayExist: await retryDatabaseStep(() => hasClosableRecords(db, channel.id)) },
      quiet: { last: false },
    };
    const requested = new RequestedEmails(selection.emails);
    // Fresh statistics while `partner` grows, so that the page's foreign-key checks look partners up by index.
    const watchGrowth = partnerGrowthWatch(db);
    for await (const page of pages) {
      requested.addPage(page);
      const plan = await retryDatabaseStep(() => commitPage(db, target, page), {
        signal: hooks.signal,
        onRetry: (error) =>
          log.warn(`kontor: import run ${runId}: ${error.message}; committing the page again`),
      });
      tracker.addPage(plan.seen, plan.heldBack, plan.undated);
      counts = addCounts(counts, plan.counts);
      progress.pages += 1;
      progress.total = page.total ?? progress.total;
      hooks.onProgress?.(counts, { ...progress });
      hooks.signal?.throwIfAborted();
      await watchGrowth(counts.created).catch(statisticsFailed);
    }
    // By email: each address the shop does not know is a warning of the run.
    const notFound = requested.notFoundLog(context.messages);
    if (notFound.length > 0) {
      const warned = { ...ZERO_COUNTS, warnings: notFound.length };
      await retryDatabaseStep(() => db.transaction((tx) => recordPage(tx, runId, warned, null, notFound)), {
        signal: hooks.signal,
      });
      counts = addCounts(counts, warned);
      hooks.onProgress?.(counts, { ...progress });
    }
    if (selection.mode === 'last-transfer') {
      // Open records that the read did not return, read again by id (import/open-record-reread.ts).
      const before = counts;
      const reread = await rereadOpenRecords({
        ...{ db, adapter, connection, target, signal: hooks.signal, log },
        onPage: (more) => hooks.onProgress?.(addCounts(before, more), { ...progress }),
      });
      counts = addCounts(counts, reread);
    }
    if (request.deactivateDeleted && adapter.capabilities.deletions === 'id-scan') {
      const now = deps.now?.() ?? new Date();
      const deactivated = await scanForDeletedAccounts(
        db,
        adapter,
        connection,
        { runId, channelId: channel.id, now, messages: context.messages },
        hooks.signal,
      );
      counts = { ...counts, deactivated: counts.deactivated + deactivated };
      hooks.onProgress?.(counts, { ...progress });
    }
  } catch (error) {
    const kontorError = hooks.signal?.aborted
      ? new AbortedError(abortReason(hooks.signal))
      : asKontorError(error);
    aborted = kontorError instanceof AbortedError;
    // The adapters mask what they build; this is the last line for anything that slipped through: the run
    // error (shown to users) and the logged detail never hold a secret setting of the channel in any form.
    const secrets = adapter.settings
      .filter((field) => field.type === 'secret')
      .map((field) => channel.settings[field.key] ?? '');
    failure = { code: kontorError.code, message: redact(kontorError.message, secrets) };
    if (kontorError.kind === 'bug') {
      log.error(
        `kontor: import run ${runId} failed: ${redact(kontorError.detail ?? kontorError.message, secrets)}`,
        { code: kontorError.code },
      );
    }
  } finally {
    guarded.release();
  }

  // A failed read moves no watermark; a stopped one keeps what its committed pages allow.
  const moveWatermark = movesWatermark(selection.mode) && (failure === null || aborted);
  const watermarkAfter = moveWatermark ? tracker.next() : channel.watermark;
  await retryDatabaseStep(
    () =>
      db.transaction(async (tx) => {
        const state = failure ? 'failed' : 'finished';
        // A run another process ended (abandoned) neither finishes again nor moves the watermark.
        const ended = await finishRun(tx, runId, { state, watermarkAfter, error: failure });
        if (ended && moveWatermark) await setWatermark(tx, channel.id, watermarkAfter);
      }),
    { onRetry: (error) => log.warn(`kontor: import run ${runId}: ${error.message}; ending the run again`) },
  );
  // PGlite gathers no statistics by itself: the partner search plans by them (partner-statistics-store.ts).
  await refreshPartnerStatistics(db).catch(statisticsFailed);
  // Nor does it checkpoint: without one after each run its WAL would grow for ever (pglite-checkpoint.ts).
  await checkpointEmbedded(db).catch((error: unknown) =>
    log.warn(`kontor: import run ${runId}: the embedded database's checkpoint failed: ${String(error)}`),
  );
  const run = await getRun(db, runId);
  if (!run) throw new BugError('RUN_VANISHED', `Import run ${runId} disappeared while it was written.`);
  const c = run.counts;
  log[run.state === 'finished' ? 'info' : 'warn'](
    `import run ${runId} of sales channel "${channel.name}" ${run.state}: read ${c.read}, created ${c.created}, updated ${c.updated}, errors ${c.errors}, awaiting ${c.awaiting}`,
    {
      event: 'import-ended',
      state: run.state,
      read: c.read,
      created: c.created,
      updated: c.updated,
      unchanged: c.unchanged,
      errors: c.errors,
      awaiting: c.awaiting,
      code: run.error?.code ?? null,
    },
  );
  return run;
}
