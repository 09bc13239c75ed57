/**
 * Import customers as a batch application: the Application tab's settings (sales channel, Changed since,
 * Timestamp, By email, Deactivate deleted customer accounts, Confirm all warnings) stored with the job, and a
 * run that calls the import with the job's AbortSignal (it stops between pages; committed pages stay).
 */
import type { AdapterRegistry } from '../../adapters/registry.ts';
import { InvalidInputError, KontorError } from '../../domain/errors.ts';
import type { ImportRun } from '../../domain/import-run.ts';
import { type Messages, messagesFor } from '../../domain/messages/messages.ts';
import { runImport } from '../../import/import-service.ts';
import {
  checkImportSettings,
  type ImportCustomersSettings,
  parseImportSettings,
  toSelectionInput,
} from '../../import/import-settings.ts';
import type { ChannelSecrets } from '../../secrets/channel-secrets.ts';
import { findChannelByName } from '../../storage/channel-store.ts';
import type { Db } from '../../storage/db.ts';
import { type BatchApplication, defineApplication, type RunOutcome } from '../batch-application.ts';

/** Run failures that only the user can mend (the next slot of a series would fail the same way). */
const NEEDS_USER = new Set(['CHANNEL_AUTH_FAILED', 'CHANNEL_NOT_FOUND', 'CHANNEL_BAD_REQUEST', 'NOT_FOUND']);

export const IMPORT_CUSTOMERS = 'import-customers';

/** `secrets` opens the channels' sealed secrets (default: with the keys of this process's environment). */
export function importCustomersApplication(
  adapters: AdapterRegistry,
  secrets?: ChannelSecrets,
): BatchApplication {
  const app: BatchApplication<ImportCustomersSettings> = {
    name: IMPORT_CUSTOMERS,
    label: 'Import customers',
    developmentObject: 'com.kontor.import.customers.ImportCustomers',
    async parseSettings(raw, db) {
      const settings = parseImportSettings(raw);
      if (db) await check(db, adapters, settings);
      return settings;
    },
    async run({ db, job, settings, signal, logger, onProgress, lease }): Promise<RunOutcome> {
      // The job's content language: its run log and summary are written in it.
      const messages = messagesFor(job.contentLanguage);
      try {
        // The run's logger (job, run); the import's lines add channel and importRun.
        const run = await runImport(
          { db, adapters, logger, ...(secrets ? { secrets } : {}) },
          { ...toSelectionInput(settings), contentLanguage: job.contentLanguage },
          {
            signal,
            onProgress: (counts, progress) => onProgress({ ...counts }, progress),
            // The import run is linked to this batch run when it opens; a busy channel makes the job wait.
            lease,
          },
        );
        const c = run.counts;
        return {
          state: run.state === 'finished' ? 'finished' : 'failed',
          hasErrors: run.state !== 'finished' || c.errors > 0,
          counts: { ...c },
          error: run.error,
          needsUser: run.error !== null && NEEDS_USER.has(run.error.code),
          summary: runSummary(run, messages),
        };
      } catch (error) {
        if (!(error instanceof KontorError)) throw error;
        return {
          state: 'failed',
          hasErrors: true,
          counts: null,
          error: { code: error.code, message: error.message },
          needsUser: (error.kind === 'config' || error.kind === 'auth') && error.code !== 'IMPORT_RUNNING',
          summary: error.message,
        };
      }
    },
  };
  return defineApplication(app);
}

/** "Import run 7 of sales channel "shop" finished: read 40, ..." in the job's content language. */
export function runSummary(run: ImportRun, messages: Messages): string {
  const c = run.counts;
  const outcome =
    run.state === 'finished' && c.errors > 0
      ? messages.say('outcome.finished-with-errors', { count: c.errors })
      : messages.say(`outcome.${run.state}`, {});
  const summary = messages.say('summary.import-run', {
    run: String(run.id),
    channel: run.channel,
    outcome,
    // The counts as plain digits, as the summary always wrote them (ids and counts of a log line).
    ...{ read: String(c.read), created: String(c.created), updated: String(c.updated) },
    ...{ errors: String(c.errors), awaiting: String(c.awaiting), deactivated: String(c.deactivated) },
  });
  return run.error ? messages.say('summary.with-error', { summary, error: run.error.message }) : summary;
}

/** What the run would refuse, refused when the job is filed: nothing half-written. */
async function check(db: Db, adapters: AdapterRegistry, settings: ImportCustomersSettings): Promise<void> {
  const channel = await findChannelByName(db, settings.channel);
  if (!channel)
    throw new InvalidInputError(`Sales channel "${settings.channel}" does not exist.`, { field: 'channel' });
  const adapter = adapters.get(channel.adapter);
  checkImportSettings(toSelectionInput(settings), {
    adapterLabel: adapter.label,
    capabilities: adapter.capabilities,
    watermark: channel.watermark,
    now: new Date(),
  });
}
