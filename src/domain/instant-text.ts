/**
 * An instant in a user message, as the user reads times: in their time zone and their locale's format, with
 * the zone's short name ("Jan 1, 2001, 1:00 AM GMT+1"). The web UI's requests name the browser's time zone
 * and language (src/api/client-time-format.ts); the CLI uses the process's. An unknown zone or locale falls
 * back to the process's, never to an error: a message must always be made.
 */
export interface TimeFormat {
  /** IANA time zone (e.g. Europe/Berlin); default: the process's. */
  timeZone?: string | null;
  /** BCP 47 locale (e.g. de-DE); default: the process's. */
  locale?: string | null;
}

const OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

export function formatInstant(instant: Date, format: TimeFormat = {}): string {
  const timeZone = format.timeZone || undefined;
  const locale = format.locale || undefined;
  for (const [zone, tag] of [
    [timeZone, locale],
    [timeZone, undefined],
    [undefined, undefined],
  ] as const) {
    try {
      return new Intl.DateTimeFormat(tag, { ...OPTIONS, timeZone: zone }).format(instant);
    } catch {
      // an unknown zone or locale: try the next fallback
    }
  }
  return instant.toISOString();
}
