/**
 * Every message of a batch process that the job's content language decides, by key, with its typed
 * placeholders. A key is the run log code the message belongs to (NO_NAME, DUPLICATE_EMAIL, ...), with a
 * variant after a dot where one code has more than one sentence (UNKNOWN_COUNTRY.meant); the run summary
 * and the notifications have keys of their own (summary.*, outcome.*, notice.*, stop.*). The code written to
 * the run log never changes with the language; only the text does. A number placeholder is written with the
 * language's digit grouping; `count` picks the plural form of an entry that has them.
 */

type None = Record<never, never>;

export interface MessageParams {
  // Checks every customer passes (domain/customer-checks.ts): errors.
  NO_NAME: None;
  INVALID_EMAIL: { email: string };
  INVALID_CHARACTERS: None;
  INVALID_DATE: { value: string };
  // Warnings.
  NO_ADDRESS: None;
  UNKNOWN_COUNTRY: { country: string };
  'UNKNOWN_COUNTRY.meant': { country: string; meant: string };
  TAX_ID_FORMAT: { taxId: string; country: string };
  'TAX_ID_FORMAT.no-country': { taxId: string };
  DUPLICATE_EMAIL: { partner: string; email: string };
  'DUPLICATE_EMAIL.this-run': { email: string };
  FUTURE_CHANGE_TIME: { changedAt: string; readStartedAt: string };
  EMAIL_NOT_FOUND: { email: string };
  OPEN_RECORDS_NOT_REREAD: { reason: string };
  // Info and skipped.
  GUEST_PSEUDO_PARTNER: { partner: string };
  GUEST_LINKED: { partner: string; email: string };
  'GUEST_LINKED.created': { email: string };
  ACCOUNT_DELETED: { deletedAt: string; partner: string };
  RECORD_IGNORED: { user: string };
  // Matching (import/page-plan-matches.ts): `rule` is the text of a rule key below (match.tax-id, ...).
  MATCHED_EXISTING: { partner: string; rule: string; key: string };
  MATCH_AMBIGUOUS: { count: number; rule: string; key: string; partners: string };
  LINKED_BY_USER: { partner: string };
  'match.tax-id': None;
  'match.email': None;
  'match.phone': None;
  // The partner master refused a record (import/page-writer.ts).
  WRITE_REFUSED: { reason: string };
  // The adapters' data errors: the adapter's own sentence (the vendor's field names and values) is `detail`.
  INVALID_RECORD: { detail: string };
  MISSING_ID: { detail: string };
  'INVALID_DATE.channel': { detail: string };
  'INVALID_EMAIL.channel': { detail: string };
  'channel.data-error': { detail: string };
  // The run summary (batch/applications/import-customers-app.ts).
  'summary.import-run': {
    run: string;
    channel: string;
    outcome: string;
    read: string;
    created: string;
    updated: string;
    errors: string;
    awaiting: string;
    deactivated: string;
  };
  'summary.with-error': { summary: string; error: string };
  'summary.stopped': { reason: string; summary: string };
  'summary.server-died': { server: string };
  'summary.waiter-gone': { waiter: string };
  'outcome.finished': None;
  'outcome.failed': None;
  'outcome.running': None;
  'outcome.finished-with-errors': { count: number };
  // The run summary as `kontor import-customers --wait` and `kontor jobs log` print it (cli/run-summary.ts).
  'report.headline': { run: string; channel: string; outcome: string; mode: string };
  'report.counts': {
    read: string;
    created: string;
    updated: string;
    unchanged: string;
    skipped: string;
    warnings: string;
    errors: string;
    awaiting: string;
    deactivated: string;
  };
  'report.failed': { message: string; code: string };
  'report.watermark-held': { watermark: string };
  'report.watermark-moved': { watermark: string };
  'report.awaiting': { count: number };
  'report.log-heading': None;
  'report.column.level': None;
  'report.column.customer': None;
  'report.column.code': None;
  'report.column.reason': None;
  'report.more': { more: string };
  // Why a run was stopped.
  'stop.timeout': { seconds: string };
  'stop.canceled': None;
  'stop.server-stopped': { server: string };
  // Notifications: dialog and workflow task texts (batch/notification-rules.ts).
  'notice.job': { name: string; id: string };
  'notice.run-ended.finished': { job: string };
  'notice.run-ended.finished-errors': { job: string };
  'notice.run-ended.failed': { job: string };
  'notice.run-ended.failed-errors': { job: string };
  'notice.run-ended.canceled': { job: string };
  'notice.run-ended.canceled-errors': { job: string };
  'notice.run-ended.abandoned': { job: string };
  'notice.run-ended.abandoned-errors': { job: string };
  'notice.timeout.title': { job: string };
  'notice.timeout.message': { summary: string };
  'notice.series-canceled.title': { name: string; id: string };
  'notice.series-canceled.by-user': None;
  'notice.missed.title': { job: string };
  'notice.missed.message': { begin: string };
}

export type MessageKey = keyof MessageParams;
