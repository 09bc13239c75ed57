import { describe, expect, it } from 'vitest';
import { parseTimestampIn } from './options.ts';

describe('--begin and --end', () => {
  it('take a date-time with a zone as it is', () => {
    expect(parseTimestampIn('--end', '2026-12-31T23:00:00Z', 'America/New_York').toISOString()).toBe(
      '2026-12-31T23:00:00.000Z',
    );
    expect(parseTimestampIn('--end', '2026-12-31T23:00:00+01:00', 'UTC').toISOString()).toBe(
      '2026-12-31T22:00:00.000Z',
    );
  });

  it("read a date-time without a zone, and a date alone (midnight), in the job's time zone", () => {
    expect(parseTimestampIn('--end', '2026-12-31', 'America/New_York').toISOString()).toBe(
      '2026-12-31T05:00:00.000Z',
    );
    expect(parseTimestampIn('--begin', '2026-07-01T08:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T06:00:00.000Z',
    );
    // The day the clocks go forward in Berlin: 12:00 is already summer time.
    expect(parseTimestampIn('--begin', '2026-03-29T12:00:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T10:00:00.000Z',
    );
  });

  it('refuses what is not a date-time, naming the option', () => {
    expect(() => parseTimestampIn('--begin', 'tomorrow', 'UTC')).toThrow(
      '--begin "tomorrow" is not an ISO 8601',
    );
  });
});
