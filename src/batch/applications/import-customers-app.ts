/**
 * Import customers as a batch application: the Application tab's settings (sales channel, Changed since,
 * Timestamp, By email, Deactivate deleted customer accounts, Confirm all warnings) stored with the job, and a
 * run that calls the import with the job's AbortSignal (it stops between pages; committed pages stay).
 */
import type { AdapterRegistry } from '../../adapters/registry.ts';
import { InvalidInputError, KontorError } from '../../domain/errors.ts';
import { type ImportRequest, runImport } from '../../import/import-service.ts';
import { type ChangedSince, parseEmails, resolveSelection } from '../../import/selection.ts';
import { findChannelByName } from '../../storage/channel-store.ts';
import type { Db } from '../../storage/db.ts';
import { type BatchApplication, defineApplication, type RunOutcome } from '../batch-application.ts';

/** The stored settings: an ImportRequest with the timestamp as an ISO string. */
export interface ImportCustomersSettings {
  channel: string;
  changedSince: ChangedSince;
  timestamp: string | null;
  emails: string[] | null;
  deactivateDeleted: boolean;
  confirmAllWarnings: boolean;
}

const CHANGED_SINCE: readonly ChangedSince[] = ['anytime', 'last-transfer', 'manual'];
/** Run failures that only the user can mend (the next slot of a series would fail the same way). */
const NEEDS_USER = new Set(['CHANNEL_AUTH_FAILED', 'CHANNEL_NOT_FOUND', 'CHANNEL_BAD_REQUEST', 'NOT_FOUND']);

export const IMPORT_CUSTOMERS = 'import-customers';

export function importCustomersApplication(adapters: AdapterRegistry): BatchApplication {
  const app: BatchApplication<ImportCustomersSettings> = {
    name: IMPORT_CUSTOMERS,
    label: 'Import customers',
    developmentObject: 'com.kontor.import.customers.ImportCustomers',
    async parseSettings(raw, db) {
      const settings = shape(raw);
      if (db) await check(db, adapters, settings);
      return settings;
    },
    async run({ db, settings, signal, onProgress, lease }): Promise<RunOutcome> {
      try {
        const run = await runImport({ db, adapters }, toRequest(settings), {
          signal,
          onProgress: (counts) => onProgress({ ...counts }),
          // The import run is linked to this batch run when it opens; a busy channel makes the job wait.
          lease,
        });
        const c = run.counts;
        const counts = `read ${c.read}, created ${c.created}, updated ${c.updated}, errors ${c.errors}, awaiting confirmation ${c.awaiting}, deactivated ${c.deactivated}`;
        return {
          state: run.state === 'finished' ? 'finished' : 'failed',
          hasErrors: run.state !== 'finished' || c.errors > 0,
          counts: { ...c },
          error: run.error,
          needsUser: run.error !== null && NEEDS_USER.has(run.error.code),
          summary: `Import run ${run.id} of sales channel "${run.channel}" ${run.state}: ${counts}.${run.error ? ` ${run.error.message}` : ''}`,
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

export function toRequest(settings: ImportCustomersSettings): ImportRequest {
  return { ...settings, timestamp: settings.timestamp === null ? null : new Date(settings.timestamp) };
}

function shape(raw: unknown): ImportCustomersSettings {
  if (!raw || typeof raw !== 'object') throw new InvalidInputError('Import customers needs its settings.');
  const value = raw as Record<string, unknown>;
  const channel = typeof value.channel === 'string' ? value.channel.trim() : '';
  if (channel === '') invalid('channel', 'Sales channel is required.');
  const changedSince = value.changedSince ?? 'last-transfer';
  if (!CHANGED_SINCE.includes(changedSince as ChangedSince))
    invalid(
      'changedSince',
      `Changed since "${String(changedSince)}" is not one of: ${CHANGED_SINCE.join(', ')}.`,
    );
  const timestamp = value.timestamp ?? null;
  if (timestamp !== null && (typeof timestamp !== 'string' || Number.isNaN(Date.parse(timestamp))))
    invalid('timestamp', 'Timestamp must be an ISO 8601 date-time.');
  if (timestamp !== null && changedSince !== 'manual')
    invalid('timestamp', 'A timestamp is only used with Changed since = Manual.');
  const emails = value.emails ?? null;
  if (emails !== null && !Array.isArray(emails)) invalid('emails', 'Emails must be a list.');
  for (const flag of ['deactivateDeleted', 'confirmAllWarnings'] as const) {
    if (value[flag] !== undefined && value[flag] !== null && typeof value[flag] !== 'boolean')
      invalid(flag, `${flag} must be true or false.`);
  }
  return {
    channel,
    changedSince: changedSince as ChangedSince,
    timestamp: timestamp === null ? null : new Date(timestamp).toISOString(),
    emails: emails === null ? null : parseEmails(emails.map(String)),
    deactivateDeleted: value.deactivateDeleted === true,
    confirmAllWarnings: value.confirmAllWarnings === true,
  };
}

/** Throws an InvalidInputError whose field is the key of the settings that is wrong. */
function invalid(field: keyof ImportCustomersSettings, message: string): never {
  throw new InvalidInputError(message, { field });
}

/** What the run would refuse, refused when the job is filed: nothing half-written. */
async function check(db: Db, adapters: AdapterRegistry, settings: ImportCustomersSettings): Promise<void> {
  const channel = await findChannelByName(db, settings.channel);
  if (!channel) invalid('channel', `Sales channel "${settings.channel}" does not exist.`);
  const adapter = adapters.get(channel.adapter);
  if (settings.deactivateDeleted && adapter.capabilities.deletions === 'none')
    invalid('deactivateDeleted', `The ${adapter.label} adapter cannot detect deleted customer accounts.`);
  resolveSelection(toRequest(settings), {
    adapterLabel: adapter.label,
    capabilities: adapter.capabilities,
    watermark: channel.watermark,
    now: new Date(),
  });
}
