/**
 * Serial patterns: cron syntax (5 fields, or 6 with seconds first) evaluated by croner in the job's time zone.
 * A series runs at its pattern's slots from Begin until End. After downtime at most one catch-up run
 * follows: the next slot is always computed from the end of the last run (or now), never from the missed ones.
 */
import { Cron } from 'croner';
import { InvalidInputError } from '../domain/errors.ts';

function cron(pattern: string, timeZone: string): Cron {
  return new Cron(pattern, { timezone: timeZone, paused: true, legacyMode: true });
}

/** Throws an InvalidInputError naming the Serial pattern when croner refuses it. */
export function assertPattern(pattern: string, timeZone: string): void {
  try {
    cron(pattern, timeZone);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^CronPattern: /, '') : String(error);
    throw new InvalidInputError(`Serial pattern "${pattern}" is not a valid cron pattern: ${reason}`, {
      field: 'pattern',
    });
  }
}

/** The first slot at or after `from` that lies before or at `end`; null when there is none. */
export function slotAtOrAfter(pattern: string, timeZone: string, from: Date, end: Date | null): Date | null {
  return slotAfter(pattern, timeZone, new Date(from.getTime() - 1), end);
}

/** The first slot strictly after `after` that lies before or at `end`; null when there is none. */
export function slotAfter(pattern: string, timeZone: string, after: Date, end: Date | null): Date | null {
  const next = cron(pattern, timeZone).nextRun(after);
  if (!next || (end && next.getTime() > end.getTime())) return null;
  return next;
}

/** Whether a time zone name is known to this Node.js (IANA names such as Europe/Berlin, or UTC). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
