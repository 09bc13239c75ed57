/** Dates and times as the user's locale writes them (./locale.ts); inputs in the browser's local time. */
import { translate } from '../i18n/translate.ts';
import { formatLocale } from './locale.ts';

const formats = new Map<string, { dateTime: Intl.DateTimeFormat; dateOnly: Intl.DateTimeFormat }>();

function formatsOf(locale: string) {
  let found = formats.get(locale);
  if (!found) {
    found = {
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }),
      dateOnly: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
    };
    formats.set(locale, found);
  }
  return found;
}

/** "11/25/26, 2:03:12 PM" (en-US), "25.11.26, 14:03:12" (de-DE): the user's locale; "–" for nothing. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatsOf(formatLocale()).dateTime.format(date);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatsOf(formatLocale()).dateOnly.format(date);
}

/** "1 h 2 min", "45 s": the time between two instants (to: now when still going). */
export function formatDuration(fromIso: string | null, toIso: string | null): string {
  if (!fromIso) return '–';
  const ms = (toIso ? Date.parse(toIso) : Date.now()) - Date.parse(fromIso);
  if (Number.isNaN(ms) || ms < 0) return '–';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return translate('duration.seconds', { s: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return translate('duration.minutesSeconds', { m: minutes, s: seconds % 60 });
  return translate('duration.hoursMinutes', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value of an `<input type="datetime-local">` for an instant, in the browser's time zone. */
export function toLocalInput(date: Date, withSeconds = false): string {
  const base = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return withSeconds ? `${base}:${pad(date.getSeconds())}` : base;
}

/** An ISO instant as a datetime-local value; "" for nothing. */
export function isoToLocalInput(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : toLocalInput(date, withSeconds);
}

/** A datetime-local value (browser time zone) as an ISO 8601 UTC string; null when empty or invalid. */
export function localInputToIso(value: string): string | null {
  if (value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The next full hour from now, as a datetime-local value. */
export function nextFullHourInput(): string {
  const date = new Date();
  date.setMinutes(0, 0, 0);
  date.setHours(date.getHours() + 1);
  return toLocalInput(date);
}
