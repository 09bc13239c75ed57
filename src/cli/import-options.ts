/**
 * The Import customers Application tab as command-line options: `kontor import-customers` files a job with
 * them; `kontor jobs edit` changes only the ones given.
 */
import { type Command, Option } from 'commander';
import { InvalidInputError } from '../domain/errors.ts';
import type { ImportCustomersSettings } from '../import/import-settings.ts';
import { CHANGED_SINCE, type ChangedSince, parseEmails } from '../import/selection.ts';
import { parseTimestamp } from './options.ts';

export interface ImportOptions {
  channel?: string;
  changedSince?: ChangedSince;
  timestamp?: string;
  emails?: string;
  deactivateDeleted?: boolean;
  confirmAllWarnings?: boolean;
}

const IMPORT_KEYS = [
  'channel',
  'changedSince',
  'timestamp',
  'emails',
  'deactivateDeleted',
  'confirmAllWarnings',
] as const;

/** The options except --channel (required when filing, optional when editing). */
export function addImportOptions(command: Command, edit = false): Command {
  command
    .addOption(
      new Option(
        '--changed-since <when>',
        'which customers: all, those changed since the last transfer, or since --timestamp',
      ).choices([...CHANGED_SINCE]),
    )
    .option('--timestamp <iso>', 'with --changed-since manual: customers changed since then (default: now)')
    .option('--emails <list>', 'By email: only these registration e-mails (comma-separated; Magento, OXID)')
    .option('--deactivate-deleted', 'record the deletion date of customer accounts deleted in the channel')
    .option(
      '--confirm-all-warnings',
      'import records with warnings instead of holding them for confirmation',
    );
  if (edit) {
    command
      .option('--no-deactivate-deleted', 'do not look for deleted customer accounts')
      .option('--no-confirm-all-warnings', 'hold records with warnings for confirmation');
  }
  return command;
}

/** The settings of a new job, from the options (the combinations the command line refuses, refused). */
export function importSettingsFrom(options: ImportOptions & { channel: string }): ImportCustomersSettings {
  if (options.emails !== undefined && options.changedSince !== undefined) {
    throw new InvalidInputError(
      '--emails selects customers by e-mail and cannot be combined with --changed-since.',
      { field: 'emails' },
    );
  }
  if (options.timestamp !== undefined && options.changedSince !== 'manual') {
    throw new InvalidInputError('--timestamp needs --changed-since manual.', { field: 'timestamp' });
  }
  return {
    channel: options.channel,
    changedSince: options.changedSince ?? 'last-transfer',
    timestamp: timestamp(options.timestamp),
    emails: options.emails === undefined ? null : parseEmails([options.emails]),
    deactivateDeleted: options.deactivateDeleted === true,
    confirmAllWarnings: options.confirmAllWarnings === true,
  };
}

/** Whether any option of the Application tab was given. */
export function importOptionsGiven(given: (key: string) => boolean): boolean {
  return IMPORT_KEYS.some(given);
}

/**
 * A job's stored settings with the options given applied. Changed since (without --timestamp) drops the
 * stored timestamp unless it stays Manual, and drops By email; --emails "" turns By email off.
 */
export function mergeImportSettings(
  stored: Record<string, unknown>,
  options: ImportOptions,
  given: (key: string) => boolean,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...stored };
  if (given('channel')) merged.channel = options.channel;
  if (given('changedSince')) {
    merged.changedSince = options.changedSince;
    if (options.changedSince !== 'manual') merged.timestamp = null;
    if (!given('emails')) merged.emails = null;
  }
  if (given('timestamp')) merged.timestamp = timestamp(options.timestamp);
  if (given('emails')) merged.emails = options.emails?.trim() ? parseEmails([options.emails]) : null;
  if (given('deactivateDeleted')) merged.deactivateDeleted = options.deactivateDeleted === true;
  if (given('confirmAllWarnings')) merged.confirmAllWarnings = options.confirmAllWarnings === true;
  return merged;
}

function timestamp(value: string | undefined): string | null {
  return value === undefined ? null : parseTimestamp('--timestamp', value).toISOString();
}
