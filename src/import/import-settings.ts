/**
 * The settings of Import customers (the Application tab), declared once: the stored shape, its parser and
 * the rules that need the channel's adapter. The batch application, the API, the CLI and the import itself
 * call these; the web UI's dialog uses the same rules for its hints and checks. The API's body schema
 * (api/schemas/job.ts) lists the same fields, with By email as a flag of its own.
 */
import type { AdapterCapabilities } from '../adapters/adapter.ts';
import { InvalidInputError } from '../domain/errors.ts';
import {
  CHANGED_SINCE,
  type ChangedSince,
  parseEmails,
  resolveSelection,
  type Selection,
  type SelectionInput,
} from './selection.ts';

/** The stored settings of an Import customers job (the timestamp as an ISO string). */
export interface ImportCustomersSettings {
  channel: string;
  changedSince: ChangedSince;
  timestamp: string | null;
  /** Non-null = By email. */
  emails: string[] | null;
  deactivateDeleted: boolean;
  confirmAllWarnings: boolean;
}

/** What the rules need to know of the channel. */
export interface SettingsContext {
  adapterLabel: string;
  capabilities: AdapterCapabilities;
  watermark: string | null;
  now: Date;
}

/** Why Deactivate deleted customer accounts is not available for an adapter, or null if it is. */
export function deactivateDeletedRefusal(
  adapterLabel: string,
  capabilities: Pick<AdapterCapabilities, 'deletions'>,
): string | null {
  return capabilities.deletions === 'none'
    ? `The ${adapterLabel} adapter cannot detect deleted customer accounts.`
    : null;
}

/**
 * The rules that need the adapter (Deactivate deleted, By email, Timestamp), checked together; the
 * selection they make. Throws an InvalidInputError naming the field.
 */
export function checkImportSettings(
  settings: SelectionInput & { deactivateDeleted: boolean },
  context: SettingsContext,
): Selection {
  const refusal = settings.deactivateDeleted
    ? deactivateDeletedRefusal(context.adapterLabel, context.capabilities)
    : null;
  if (refusal !== null) throw new InvalidInputError(refusal, { field: 'deactivateDeleted' });
  return resolveSelection(settings, context);
}

/** Stored settings with the timestamp as a Date, as the import takes them. */
export function toSelectionInput(settings: ImportCustomersSettings) {
  return { ...settings, timestamp: settings.timestamp === null ? null : new Date(settings.timestamp) };
}

/**
 * Settings of any origin (the API, the CLI, a stored job) in their stored shape, with defaults (Last
 * transfer, flags off); what is wrong in their structure refused naming the field.
 */
export function parseImportSettings(raw: unknown): ImportCustomersSettings {
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
