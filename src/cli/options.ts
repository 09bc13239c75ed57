/** Parsers for CLI option values; each throws an InvalidInputError that names the option. */
import { isTimeZone, wallClock } from '../adapters/date-times.ts';
import { InvalidInputError } from '../domain/errors.ts';

/** `--setting key=value`, repeatable. */
export function collectSetting(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const index = value.indexOf('=');
  if (index <= 0) throw new InvalidInputError(`--setting "${value}" must have the form key=value.`);
  return { ...previous, [value.slice(0, index).trim()]: value.slice(index + 1) };
}

/** A repeatable option that collects plain values, e.g. `--clear-setting apiKey`. */
export function collectKey(value: string, previous: string[] = []): string[] {
  return [...previous, value.trim()];
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date or date-time; without a zone it is local time, as a user typing it would mean. */
export function parseTimestamp(option: string, value: string): Date {
  const time = Date.parse(value);
  if (!ISO_DATE_TIME.test(value.trim()) || Number.isNaN(time)) {
    throw new InvalidInputError(
      `${option} "${value}" is not an ISO 8601 date-time (e.g. 2026-11-25T08:00:00Z).`,
    );
  }
  return new Date(time);
}

const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

/**
 * `--begin` / `--end`: a date-time with a zone is exact; without one it is wall-clock time in the job's time
 * zone (`--time-zone`, else the system's), and a date alone is midnight there.
 */
export function parseTimestampIn(option: string, value: string, timeZone: string | null): Date {
  const parsed = parseTimestamp(option, value);
  const text = value.trim();
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (HAS_ZONE.test(text) || !isTimeZone(zone)) return parsed;
  const wall = Date.parse(`${(text.length === 10 ? `${text}T00:00:00` : text).replace(' ', 'T')}Z`);
  let instant = wall;
  // The zone's offset at the instant, twice: once from a guess, once from the corrected instant (DST edges).
  for (let pass = 0; pass < 2; pass++) instant = wall - (wallClock(instant, zone).ms - instant);
  return new Date(instant);
}
