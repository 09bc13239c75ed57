/**
 * The Import customers application: reads the selected customers of one sales channel through its
 * adapter and imports them page by page, each page in one transaction, keeping a run log.
 */
import type { AdapterRegistry } from '../adapters/registry.ts';
import { AbortedError, asKontorError, BugError, ConfigError, NotFoundError } from '../domain/errors.ts';
import type { ImportRun, RunCounts } from '../domain/import-run.ts';
import { addCounts, ZERO_COUNTS } from '../domain/import-run.ts';
import { ChannelSecrets } from '../secrets/channel-secrets.ts';
import { findChannelByName, setWatermark } from '../storage/channel-store.ts';
import type { Db } from '../storage/db.ts';
import { finishRun, getRun, heartbeat, runningRunOf, startRun } from '../storage/import-run-store.ts';
import { scanForDeletedAccounts } from './deletions.ts';
import { checkImportSettings } from './import-settings.ts';
import { commitPage } from './page-writer.ts';
import { type ChangedSince, movesWatermark } from './selection.ts';
import { WatermarkTracker } from './watermark.ts';

export interface ImportRequest {
  channel: string;
  changedSince: ChangedSince;
  timestamp: Date | null;
  /** Non-null = By email. */
  emails: string[] | null;
  deactivateDeleted: boolean;
  confirmAllWarnings: boolean;
}

export interface ImportDeps {
  db: Db;
  adapters: AdapterRegistry;
  now?: () => Date;
  /** Opens the channel's sealed secrets (default: with the keys of this process's environment). */
  secrets?: ChannelSecrets;
  /** Where internal details of failed runs go (never shown to users); default: stderr. */
  logError?: (line: string) => void;
}

const logToStderr = (line: string) => process.stderr.write(`${line}\n`);

export interface ImportHooks {
  /** Stops the run between pages (maximum run time, cancel). */
  signal?: AbortSignal;
  /** Called after every committed page with the run's counts so far. */
  onProgress?: (counts: RunCounts) => void;
  /** Called once the import run exists (a batch run links it at once, so a sweeper can close it). */
  onStart?: (runId: number) => void;
}

const HEARTBEAT_MS = 20_000;

export async function runImport(
  deps: ImportDeps,
  request: ImportRequest,
  hooks: ImportHooks = {},
): Promise<ImportRun> {
  const { db } = deps;
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

  const runId = await startRun(db, {
    channelId: channel.id,
    changedSince: selection.mode,
    since: selection.since?.toISOString() ?? null,
    emails: selection.emails,
    options: { deactivateDeleted: request.deactivateDeleted, confirmAllWarnings: request.confirmAllWarnings },
    watermarkBefore: channel.watermark,
  });
  if (runId === null) {
    const other = await runningRunOf(db, channel.id);
    throw new ConfigError(
      'IMPORT_RUNNING',
      `An import of sales channel "${channel.name}" is already running (run ${other}).`,
    );
  }
  hooks.onStart?.(runId);

  // Where the read began on the shop's clock: the watermark for a Last transfer, the beginning otherwise.
  const readFrom = selection.since === null ? null : channel.watermark;
  const tracker = new WatermarkTracker(channel.watermark, readStartedAt, readFrom);
  const context = {
    channelType: channel.type,
    statusPolicy: {
      customerApproval: channel.customerApproval,
      alwaysBlocked: adapter.capabilities.alwaysBlocked,
    },
    pseudoPartner: channel.usePseudoPartner ? channel.pseudoPartnerNumber : null,
    confirmAllWarnings: request.confirmAllWarnings,
    readStartedAt: readStartedAt.toISOString(),
  };
  const connection = { url: channel.url, settings: channel.settings };
  let counts: RunCounts = { ...ZERO_COUNTS };
  let failure: { code: string; message: string } | null = null;
  let aborted = false;
  const timer = setInterval(() => void heartbeat(db, runId).catch(() => {}), HEARTBEAT_MS);
  timer.unref();
  try {
    const pages = adapter.readCustomers(connection, {
      since: selection.since,
      emails: selection.emails,
      cursor: null,
      signal: hooks.signal,
    });
    const target = { runId, channelId: channel.id, context, deactivateDeleted: request.deactivateDeleted };
    for await (const page of pages) {
      const plan = await commitPage(db, target, page);
      tracker.addPage(plan.seen, plan.heldBack, plan.undated);
      counts = addCounts(counts, plan.counts);
      hooks.onProgress?.(counts);
      hooks.signal?.throwIfAborted();
    }
    if (request.deactivateDeleted && adapter.capabilities.deletions === 'id-scan') {
      const now = deps.now?.() ?? new Date();
      const deactivated = await scanForDeletedAccounts(
        db,
        adapter,
        connection,
        { runId, channelId: channel.id, now },
        hooks.signal,
      );
      counts = { ...counts, deactivated: counts.deactivated + deactivated };
      hooks.onProgress?.(counts);
    }
  } catch (error) {
    const kontorError = hooks.signal?.aborted
      ? new AbortedError(abortReason(hooks.signal))
      : asKontorError(error);
    aborted = kontorError instanceof AbortedError;
    failure = { code: kontorError.code, message: kontorError.message };
    if (kontorError.kind === 'bug') {
      (deps.logError ?? logToStderr)(
        `kontor: import run ${runId} failed: ${kontorError.detail ?? kontorError.message}`,
      );
    }
  } finally {
    clearInterval(timer);
  }

  // A failed read moves no watermark; a stopped one keeps what its committed pages allow.
  const moveWatermark = movesWatermark(selection.mode) && (failure === null || aborted);
  const watermarkAfter = moveWatermark ? tracker.next() : channel.watermark;
  await db.transaction(async (tx) => {
    const state = failure ? 'failed' : 'finished';
    // A run another process ended (abandoned) neither finishes again nor moves the watermark.
    const ended = await finishRun(tx, runId, { state, watermarkAfter, error: failure });
    if (ended && moveWatermark) await setWatermark(tx, channel.id, watermarkAfter);
  });
  const run = await getRun(db, runId);
  if (!run) throw new BugError('RUN_VANISHED', `Import run ${runId} disappeared while it was written.`);
  return run;
}

function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' ? reason : 'aborted';
}
