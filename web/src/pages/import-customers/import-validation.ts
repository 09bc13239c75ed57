/** The checks the dialog makes before it asks the server (which checks everything again). */
import { isEmailAddress } from '../../../../src/import/selection.ts';
import { localInputToIso } from '../../format/date-time.ts';
import { translate } from '../../i18n/translate.ts';
import type { ImportFieldRules } from './import-field-rules.ts';
import type { FieldErrors } from './import-fields.ts';
import { type ImportFormValues, maxRunSeconds } from './import-form-values.ts';

const MAX_RUN_SECONDS = 7 * 24 * 3600;

export function validateImport(values: ImportFormValues, rules: ImportFieldRules): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.channel) errors['application.channel'] = translate('validate.channel');
  if (rules.timestamp) {
    const timestamp = localInputToIso(values.timestamp);
    if (!timestamp) errors['application.timestamp'] = translate('validate.timestamp');
    else if (Date.parse(timestamp) > Date.now())
      errors['application.timestamp'] = translate('validate.timestampFuture');
  }
  if (rules.emails) {
    if (values.emails.length === 0) errors['application.emails'] = translate('validate.emailsNone');
    const wrong = values.emails.filter((email) => !isEmailAddress(email));
    if (wrong.length > 0)
      errors['application.emails'] = translate('validate.emailsWrong', { emails: wrong.join(', ') });
  }

  const name = values.name.trim();
  if (name.length > 80) errors['batch.name'] = translate('validate.nameLength');
  else if (/^\d+$/.test(name)) errors['batch.name'] = translate('validate.nameNumber');
  if (!values.queue)
    errors['batch.queue'] = translate('common.required', { label: translate('settings.queue') });

  const begin = rules.begin ? localInputToIso(values.begin) : null;
  if (values.startMode === 'once' && !begin) errors['batch.begin'] = translate('validate.begin');
  if (rules.maxRunTime) {
    const seconds = maxRunSeconds(values);
    if (seconds !== null && (seconds < 1 || seconds > MAX_RUN_SECONDS))
      errors['batch.maxRunSeconds'] = translate('validate.maxRunTime');
    if (rules.timeoutNotification && values.timeoutNotification && seconds === null)
      errors['batch.timeoutNotification'] = translate('validate.timeoutNotification');
  }
  if (rules.pattern) {
    const fields = values.pattern.trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0) errors['batch.pattern'] = translate('validate.pattern');
    else if (fields.length < 5 || fields.length > 6)
      errors['batch.pattern'] = translate('validate.patternFields');
  }
  if (rules.end) {
    const end = localInputToIso(values.end);
    const from = begin ?? new Date().toISOString();
    if (end && Date.parse(end) <= Date.parse(from)) errors['batch.end'] = translate('validate.end');
  }
  return errors;
}
