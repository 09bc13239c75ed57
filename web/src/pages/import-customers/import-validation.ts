/** The checks the dialog makes before it asks the server (which checks everything again). */
import { isEmailAddress } from '../../../../src/import/selection.ts';
import { localInputToIso } from '../../format/date-time.ts';
import type { ImportFieldRules } from './import-field-rules.ts';
import type { FieldErrors } from './import-fields.ts';
import { type ImportFormValues, maxRunSeconds } from './import-form-values.ts';

const MAX_RUN_SECONDS = 7 * 24 * 3600;

export function validateImport(values: ImportFormValues, rules: ImportFieldRules): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.channel) errors['application.channel'] = 'Select the sales channel to import from.';
  if (rules.timestamp) {
    const timestamp = localInputToIso(values.timestamp);
    if (!timestamp) errors['application.timestamp'] = 'Enter the date and time to import changes since.';
    else if (Date.parse(timestamp) > Date.now())
      errors['application.timestamp'] = 'The timestamp lies in the future.';
  }
  if (rules.emails) {
    if (values.emails.length === 0) errors['application.emails'] = 'Enter at least one e-mail address.';
    const wrong = values.emails.filter((email) => !isEmailAddress(email));
    if (wrong.length > 0) errors['application.emails'] = `Not an e-mail address: ${wrong.join(', ')}`;
  }

  const name = values.name.trim();
  if (name.length > 80) errors['batch.name'] = 'At most 80 characters.';
  else if (/^\d+$/.test(name))
    errors['batch.name'] = 'A batch job name must not be a number (numbers are ids).';
  if (!values.queue) errors['batch.queue'] = 'Processing queue is required.';

  const begin = rules.begin ? localInputToIso(values.begin) : null;
  if (values.startMode === 'once' && !begin) errors['batch.begin'] = 'Scheduled: once only needs a begin.';
  if (rules.maxRunTime) {
    const seconds = maxRunSeconds(values);
    if (seconds !== null && (seconds < 1 || seconds > MAX_RUN_SECONDS))
      errors['batch.maxRunSeconds'] = 'Between 1 second and 7 days.';
    if (rules.timeoutNotification && values.timeoutNotification && seconds === null)
      errors['batch.timeoutNotification'] = 'Timeout notification needs a maximum run time.';
  }
  if (rules.pattern) {
    const fields = values.pattern.trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0) errors['batch.pattern'] = 'A series needs a serial pattern.';
    else if (fields.length < 5 || fields.length > 6)
      errors['batch.pattern'] =
        'A cron pattern has 5 fields (minute hour day month weekday), or 6 with seconds.';
  }
  if (rules.end) {
    const end = localInputToIso(values.end);
    const from = begin ?? new Date().toISOString();
    if (end && Date.parse(end) <= Date.parse(from)) errors['batch.end'] = 'End must lie after Begin.';
  }
  return errors;
}
