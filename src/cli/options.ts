/** Parsers for CLI option values; each throws an InvalidInputError that names the option. */
import { InvalidInputError } from '../domain/errors.ts';

/** `--setting key=value`, repeatable. */
export function collectSetting(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const index = value.indexOf('=');
  if (index <= 0) throw new InvalidInputError(`--setting "${value}" must have the form key=value.`);
  return { ...previous, [value.slice(0, index).trim()]: value.slice(index + 1) };
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
