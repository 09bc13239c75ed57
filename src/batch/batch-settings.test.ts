import { describe, expect, it } from 'vitest';
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
    [{ queue: ' ' }, 'Processing queue is required.'],
    [{ startMode: 'daily' }, 'Start "daily" is not one of'],
    [{ notification: 'email' }, 'Notification "email" is not one of'],
    [{ name: '42' }, 'must not be a number'],
    [{ appServer: 'a b' }, 'Application server "a b" is not a valid name'],
    [{ timeZone: 'Mars/Olympus' }, 'Time zone "Mars/Olympus" is not a known time zone.'],
    [{ contentLanguage: 'not a language' }, 'Content language'],
    [{ startMode: 'once' }, 'Start "once" needs Begin.'],
    [{ startMode: 'once', begin: new Date('2026-04-01T00:00:00Z') }, 'lies in the past'],
    [{ begin: later }, 'Begin is only used with Start "once" or "series"'],
    [{ maxRunSeconds: 0 }, 'Maximum run time must be a whole number'],
    [{ timeoutNotification: true }, 'Timeout notification needs a Maximum run time.'],
    [{ pattern: '* * * * *' }, 'Serial pattern is only used with Start "series".'],
    [{ end: later }, 'End is only used with Start "series".'],
    [{ seriesCanceledNotification: true }, 'Series canceled is only used with Start "series".'],
    [{ startMode: 'series' }, 'Start "series" needs a Serial pattern.'],
    [
      { startMode: 'series', pattern: '61 * * * *' },
      'Serial pattern "61 * * * *" is not a valid cron pattern',
    ],
    [{ startMode: 'series', pattern: '* * * * *', end: now }, 'must lie after Begin'],
    [{ startMode: 'series', pattern: '0 0 1 1 *', end: later }, 'has no slot between Begin and End'],
    [{ startMode: 'external', releaseImmediately: true }, 'Release immediately is only offered'],
  ] as Array<[Partial<BatchSettingsInput>, string]>)('refuses %j', (overrides, message) => {
    expect(() => validateBatchSettings(input(overrides), now)).toThrow(message);
  });

  it('takes a series from Begin (default now) in its time zone', () => {
    const series = validateBatchSettings(
      input({ startMode: 'series', pattern: '0 2 * * *', timeZone: 'Europe/Berlin', end: later }),
      now,
    );
    expect(series).toMatchObject({ begin: now, pattern: '0 2 * * *', timeZone: 'Europe/Berlin' });
  });
});
