/** The Import customers request from the dialog's values: only the fields its rules make available. */
import type { BatchSettingsBody, ImportCustomersRequest, ImportSettings } from '../../api/jobs.ts';
import { localInputToIso } from '../../format/date-time.ts';
import type { ImportFieldRules } from './import-field-rules.ts';
import { type ImportFormValues, maxRunSeconds } from './import-form-values.ts';

export function toRequest(values: ImportFormValues, rules: ImportFieldRules): ImportCustomersRequest {
  const byEmail = rules.showByEmail && values.byEmail;
  const application: ImportSettings = {
    channel: values.channel ?? '',
    changedSince: values.changedSince,
    timestamp: rules.timestamp ? localInputToIso(values.timestamp) : null,
    byEmail,
    emails: byEmail ? values.emails : [],
    deactivateDeleted: rules.deactivateDeleted && values.deactivateDeleted,
    confirmAllWarnings: values.confirmAllWarnings,
  };
  const batch: BatchSettingsBody = {
    queue: values.queue ?? '',
    startMode: values.startMode,
    notification: values.notification,
  };
  if (values.name.trim() !== '') batch.name = values.name.trim();
  if (values.user) batch.user = values.user;
  if (values.oltpDatabase) batch.oltpDatabase = values.oltpDatabase;
  if (values.contentLanguage) batch.contentLanguage = values.contentLanguage;
  if (values.appServer) batch.appServer = values.appServer;
  const begin = rules.begin ? localInputToIso(values.begin) : null;
  if (begin) batch.begin = begin;
  const seconds = rules.maxRunTime ? maxRunSeconds(values) : null;
  if (seconds !== null) batch.maxRunSeconds = seconds;
  if (rules.timeoutNotification) batch.timeoutNotification = values.timeoutNotification;
  if (rules.pattern) batch.pattern = values.pattern.trim();
  if (rules.timeZone && values.timeZone) batch.timeZone = values.timeZone;
  const end = rules.end ? localInputToIso(values.end) : null;
  if (end) batch.end = end;
  if (rules.seriesCanceledNotification) batch.seriesCanceledNotification = values.seriesCanceledNotification;
  if (rules.releaseImmediately) batch.releaseImmediately = values.releaseImmediately;
  return { application, batch };
}
