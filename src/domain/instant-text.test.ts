import { describe, expect, it } from 'vitest';
import { formatInstant } from './instant-text.ts';

const instant = new Date('2001-01-01T00:00:00.000Z');

describe('formatInstant', () => {
  it("shows the instant in the user's time zone and format", () => {
    expect(formatInstant(instant, { timeZone: 'UTC', locale: 'en-US' })).toBe('Jan 1, 2001, 12:00 AM UTC');
    expect(formatInstant(instant, { timeZone: 'Europe/Berlin', locale: 'en-US' })).toBe(
      'Jan 1, 2001, 1:00 AM GMT+1',
    );
    expect(formatInstant(instant, { timeZone: 'Europe/Berlin', locale: 'de-DE' })).toBe(
      '1. Jan. 2001, 01:00 MEZ',
    );
  });

  it('falls back to the locale and zone of the process for unknown ones', () => {
    expect(formatInstant(instant, { timeZone: 'Mars/Olympus', locale: 'en-US' })).toBe(
      formatInstant(instant, { locale: 'en-US' }),
    );
    expect(formatInstant(instant, { timeZone: 'UTC', locale: 'no such locale!' })).toBe(
      formatInstant(instant, { timeZone: 'UTC' }),
    );
  });
});
