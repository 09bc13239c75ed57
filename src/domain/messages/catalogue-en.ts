/** The messages of batch processes in English: the texts Kontor has always written, and the fallback. */
import type { Catalogue } from './catalogue.ts';

export const ENGLISH: Catalogue = {
  NO_NAME: 'The customer has neither a name nor a company name.',
  INVALID_EMAIL: 'The e-mail address "{email}" is not valid.',
  INVALID_CHARACTERS: 'The customer data contains a NUL character, which cannot be stored.',
  INVALID_DATE: 'The change time "{value}" is not a date.',
  NO_ADDRESS: 'The customer has no address.',
  UNKNOWN_COUNTRY: 'The country "{country}" is not an ISO 3166 country code.',
  'UNKNOWN_COUNTRY.meant':
    'The country "{country}" is not an ISO 3166 country code (did the shop mean {meant}?).',
  TAX_ID_FORMAT: 'The tax id "{taxId}" does not have the format of {country}.',
  'TAX_ID_FORMAT.no-country': 'The tax id "{taxId}" does not have the format of its country.',
  DUPLICATE_EMAIL: 'Partner {partner} already has the e-mail address {email}.',
  'DUPLICATE_EMAIL.this-run': 'Partner created in this run already has the e-mail address {email}.',
  FUTURE_CHANGE_TIME:
    'The shop gives this customer a change time in the future ({changedAt}); the Last transfer watermark stops at {readStartedAt}.',
  EMAIL_NOT_FOUND: 'The shop has no customer with the e-mail {email}.',
  OPEN_RECORDS_NOT_REREAD:
    'The open records of the channel could not be read again by id: {reason} They stay open.',
  GUEST_PSEUDO_PARTNER:
    "Occasional customer: no partner is created; the channel's pseudo partner {partner} stands for it.",
  GUEST_LINKED:
    'Occasional customer linked to partner {partner}, which this channel already has for {email}.',
  'GUEST_LINKED.created':
    'Occasional customer linked to the partner created for the same e-mail, which this channel already has for {email}.',
  ACCOUNT_DELETED:
    'The customer account was deleted in the channel on {deletedAt}; the link to partner {partner} is deactivated.',
  RECORD_IGNORED: 'Ignored by {user}: the record is not imported and no longer open.',
  MATCHED_EXISTING: 'Linked to existing partner {partner}: the same {rule} ({key}).',
  MATCH_AMBIGUOUS:
    '{count} partners match by {rule} ({key}): {partners}; link it to one (records link) or create a new partner (records create-new).',
  LINKED_BY_USER: "Linked to existing partner {partner} by a user's decision (records link).",
  'match.tax-id': 'tax id',
  'match.email': 'e-mail',
  'match.phone': 'phone number',
  WRITE_REFUSED: "The partner master refused the customer's data: {reason}",
  INVALID_RECORD: '{detail}',
  MISSING_ID: '{detail}',
  'INVALID_DATE.channel': '{detail}',
  'INVALID_EMAIL.channel': '{detail}',
  'channel.data-error': '{detail}',
  'summary.import-run':
    'Import run {run} of sales channel "{channel}" {outcome}: read {read}, created {created}, updated {updated}, errors {errors}, awaiting confirmation {awaiting}, deactivated {deactivated}.',
  'summary.with-error': '{summary} {error}',
  'summary.stopped': '{reason}. {summary}',
  'summary.server-died': 'The application server {server} stopped answering while running this job.',
  'summary.waiter-gone':
    'The process that filed this job with --wait ({waiter}) stopped before the job could start.',
  'outcome.finished': 'finished',
  'outcome.failed': 'failed',
  'outcome.running': 'running',
  'outcome.finished-with-errors': {
    one: 'finished with {count} error',
    other: 'finished with {count} errors',
  },
  'report.headline': 'Import run {run} of sales channel "{channel}" {outcome} ({mode}).',
  'report.counts':
    'read {read}, created {created}, updated {updated}, unchanged {unchanged}, skipped {skipped}, warnings {warnings}, errors {errors}, awaiting confirmation {awaiting}, deactivated {deactivated}',
  'report.failed': 'Failed: {message} [{code}]',
  'report.watermark-held':
    'Last transfer held at {watermark}: the change time of the oldest customer not imported, so that it is read again.',
  'report.watermark-moved': 'Last transfer now at {watermark}.',
  'report.awaiting': {
    one: '{count} customer awaits confirmation of its warnings: import again with --confirm-all-warnings to import it.',
    other:
      '{count} customers await confirmation of their warnings: import again with --confirm-all-warnings to import them.',
  },
  'report.log-heading': 'Run log (not imported, imported with warnings, deactivated):',
  'report.column.level': 'Level',
  'report.column.customer': 'Customer',
  'report.column.code': 'Code',
  'report.column.reason': 'Reason',
  'report.more': '... and {more} more (use --json for all).',
  'stop.timeout': 'maximum run time of {seconds} s reached',
  'stop.canceled': 'canceled by a user',
  'stop.server-stopped': 'the application server {server} is stopping',
  'notice.job': 'Batch job "{name}" ({id})',
  'notice.run-ended.finished': '{job} finished',
  'notice.run-ended.finished-errors': '{job} finished with errors',
  'notice.run-ended.failed': '{job} failed',
  'notice.run-ended.failed-errors': '{job} failed with errors',
  'notice.run-ended.canceled': '{job} canceled',
  'notice.run-ended.canceled-errors': '{job} canceled with errors',
  'notice.run-ended.abandoned': '{job} abandoned',
  'notice.run-ended.abandoned-errors': '{job} abandoned with errors',
  'notice.timeout.title': '{job} reached its maximum run time',
  'notice.timeout.message': 'The run was stopped after its maximum run time. {summary}',
  'notice.series-canceled.title': 'Series of batch job "{name}" ({id}) canceled',
  'notice.series-canceled.by-user': 'The series was canceled by a user.',
  'notice.missed.title': '{job} missed its start',
  'notice.missed.message': 'No application server started it in its start window after Begin {begin}.',
};
