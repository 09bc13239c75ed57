/** The dialog's fields by the API's field paths, and the tab each is on (errors are shown at the field). */

export type ImportTab = 'application' | 'batch';

export const APPLICATION_FIELDS = [
  'channel',
  'confirmAllWarnings',
  'deactivateDeleted',
  'changedSince',
  'timestamp',
  'byEmail',
  'emails',
] as const;

export const BATCH_FIELDS = [
  'name',
  'user',
  'oltpDatabase',
  'contentLanguage',
  'queue',
  'appServer',
  'startMode',
  'begin',
  'maxRunSeconds',
  'timeoutNotification',
  'pattern',
  'timeZone',
  'end',
  'seriesCanceledNotification',
  'notification',
  'releaseImmediately',
] as const;

export type FieldKey =
  | `application.${(typeof APPLICATION_FIELDS)[number]}`
  | `batch.${(typeof BATCH_FIELDS)[number]}`;

export type FieldErrors = Partial<Record<FieldKey, string>>;

const KNOWN = new Set<string>([
  ...APPLICATION_FIELDS.map((f) => `application.${f}`),
  ...BATCH_FIELDS.map((f) => `batch.${f}`),
]);

/** The dialog field an API error names (`application.emails.2` -> `application.emails`), or null. */
export function fieldOfApiError(field: string | null): FieldKey | null {
  if (!field) return null;
  const parts = field.replace(/\[\d+\]/g, '').split('.');
  const key = `${parts[0]}.${parts[1] ?? ''}`;
  return KNOWN.has(key) ? (key as FieldKey) : null;
}

export function tabOf(key: FieldKey): ImportTab {
  return key.startsWith('application.') ? 'application' : 'batch';
}

export function errorsOnTab(errors: FieldErrors, tab: ImportTab): number {
  return Object.keys(errors).filter((key) => tabOf(key as FieldKey) === tab).length;
}
