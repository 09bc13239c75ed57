/**
 * Which fields of the Import customers dialog are available, from the spec: Timestamp only for Manual;
 * By email and Emails only for adapters that can select by e-mail, and By email disables Changed since
 * and Timestamp; Begin and Maximum run time for once only and series; Serial pattern, time zone, End and
 * Series canceled for series; Timeout notification where Maximum run time applies; Release immediately
 * only for Add to queue and At restart. Read from the adapter's capabilities, never its kind.
 */
import { deactivateDeletedRefusal } from '../../../../src/import/import-settings.ts';
import type { AdapterInfo } from '../../api/channels.ts';
import { translate } from '../../i18n/translate.ts';
import type { ImportFormValues } from './import-form-values.ts';
import { RELEASABLE_MODES } from './import-form-values.ts';

export interface ImportFieldRules {
  /** By email and Emails are displayed at all. */
  showByEmail: boolean;
  changedSince: boolean;
  timestamp: boolean;
  emails: boolean;
  deactivateDeleted: boolean;
  /** Why Deactivate deleted customer accounts is not available, if it is not. */
  deactivateDeletedHint: string | null;
  begin: boolean;
  maxRunTime: boolean;
  timeoutNotification: boolean;
  pattern: boolean;
  timeZone: boolean;
  end: boolean;
  seriesCanceledNotification: boolean;
  releaseImmediately: boolean;
}

export function importFieldRules(values: ImportFormValues, adapter: AdapterInfo | null): ImportFieldRules {
  const showByEmail = adapter?.capabilities.byEmail === true;
  const byEmail = showByEmail && values.byEmail;
  const canDelete = adapter !== null && adapter.capabilities.deletions !== 'none';
  const scheduled = values.startMode === 'once' || values.startMode === 'series';
  const series = values.startMode === 'series';
  return {
    showByEmail,
    changedSince: !byEmail,
    timestamp: !byEmail && values.changedSince === 'manual',
    emails: byEmail,
    deactivateDeleted: canDelete,
    deactivateDeletedHint:
      adapter === null
        ? translate('import.selectChannelFirst')
        : deactivateDeletedRefusal(adapter.label, adapter.capabilities),
    begin: scheduled,
    maxRunTime: scheduled,
    timeoutNotification: scheduled,
    pattern: series,
    timeZone: series,
    end: series,
    seriesCanceledNotification: series,
    releaseImmediately: RELEASABLE_MODES.includes(values.startMode),
  };
}
