import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../domain/errors.ts';
import { type BatchSettingsInput, validateBatchSettings } from './batch-settings.ts';

const now = new Date('2026-05-01T10:00:00Z');
const input = (overrides: Partial<BatchSettingsInput> = {}): BatchSettingsInput => ({
  user: 'anna',
  oltpDatabase: 'db',
  queue: 'default',
  timeZone: 'UTC',
  ...overrides,
});
const later = new Date('2026-05-02T10:00:00Z');

describe('Batch settings', () => {
  it('defaults: Add to queue, released immediately, Notification none', () => {
    expect(validateBatchSettings(input(), now)).toMatchObject({
      startMode: 'add-to-queue',
      releaseImmediately: true,
      notification: 'none',
      name: null,
      appServer: null,
    });
    expect(validateBatchSettings(input({ startMode: 'once', begin: later }), now).releaseImmediately).toBe(
      false,
    );
  });

  it.each([
    [{ queue: ' ' }, 'Processing queue is required.', 'queue'],
    [{ startMode: 'daily' }, 'Start "daily" is not one of', 'startMode'],
    [{ notification: 'email' }, 'Notification "email" is not one of', 'notification'],
    [{ name: '42' }, 'must not be a number', 'name'],
    [{ user: ' ' }, 'User must be 1 to 80 characters.', 'user'],
    [{ appServer: 'a b' }, 'Application server "a b" is not a valid name', 'appServer'],
    [{ timeZone: 'Mars/Olympus' }, 'Time zone "Mars/Olympus" is not a known time zone.', 'timeZone'],
    [{ contentLanguage: 'not a language' }, 'Content language', 'contentLanguage'],
    [{ oltpDatabase: ' ' }, 'OLTP database is required.', 'oltpDatabase'],
    [{ startMode: 'once' }, 'Start "Scheduled: once only" (once) needs Begin.', 'begin'],
    [{ startMode: 'once', begin: new Date('2026-04-01T00:00:00Z') }, 'lies in the past', 'begin'],
    [
      { begin: later },
      'Begin is only used with Start "Scheduled: once only" (once) or "Scheduled: as a series" (series)',
      'begin',
    ],
    [{ maxRunSeconds: 0 }, 'Maximum run time must be a whole number', 'maxRunSeconds'],
    [{ timeoutNotification: true }, 'Timeout notification needs a Maximum run time.', 'timeoutNotification'],
    [
      { pattern: '* * * * *' },
      'Serial pattern is only used with Start "Scheduled: as a series" (series).',
      'pattern',
    ],
    [{ end: later }, 'End is only used with Start "Scheduled: as a series" (series).', 'end'],
    [
      { seriesCanceledNotification: true },
      'Series canceled is only used with Start "Scheduled: as a series" (series).',
      'seriesCanceledNotification',
    ],
    [{ startMode: 'series' }, 'Start "Scheduled: as a series" (series) needs a Serial pattern.', 'pattern'],
    [
      { startMode: 'series', pattern: '61 * * * *' },
      'Serial pattern "61 * * * *" is not a valid cron pattern',
      'pattern',
    ],
    [{ startMode: 'series', pattern: '* * * * *', end: now }, 'must lie after Begin', 'end'],
    [
      { startMode: 'series', pattern: '0 0 1 1 *', end: later },
      'has no slot between Begin and End',
      'pattern',
    ],
    [
      { startMode: 'external', releaseImmediately: true },
      'Release immediately is only offered',
      'releaseImmediately',
    ],
  ] as Array<[Partial<BatchSettingsInput>, string, string]>)(
    'refuses %j, naming the field',
    (overrides, message, field) => {
      let error: unknown;
      try {
        validateBatchSettings(input(overrides), now);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining(message),
        field,
      });
      expect((error as InvalidInputError).toJSON()).toMatchObject({ field });
    },
  );

  it('accepts a once-only Begin in the past when an edit keeps it', () => {
    const past = new Date('2026-04-01T00:00:00Z');
    const kept = validateBatchSettings(input({ startMode: 'once', begin: past }), now, { keptBegin: past });
    expect(kept.begin).toEqual(past);
    expect(() =>
      validateBatchSettings(input({ startMode: 'once', begin: past }), now, { keptBegin: later }),
    ).toThrow('lies in the past');
  });

  it('takes a series from Begin (default now) in its time zone', () => {
    const series = validateBatchSettings(
      input({ startMode: 'series', pattern: '0 2 * * *', timeZone: 'Europe/Berlin', end: later }),
      now,
    );
    expect(series).toMatchObject({ begin: now, pattern: '0 2 * * *', timeZone: 'Europe/Berlin' });
  });
});
