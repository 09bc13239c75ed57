/**
 * The locale that dates, times and numbers are written in: the user's web UI language (set by the
 * LanguageProvider, web/src/i18n), as the browser writes it where it can (de-AT, en-GB).
 */
let current = 'en';

export function setFormatLocale(locale: string): void {
  current = locale;
}

export function formatLocale(): string {
  return current;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A whole number with its digits grouped as the locale does: 30,000 (en), 30.000 (de), 30 000 (pl). */
export function formatCount(n: number): string {
  let format = numberFormats.get(current);
  if (!format) {
    format = new Intl.NumberFormat(current, { maximumFractionDigits: 0 });
    numberFormats.set(current, format);
  }
  return format.format(Math.round(n));
}
