import { describe, expect, it } from 'vitest';
import { isoInstant, parseSqlDateTime } from './date-times.ts';

describe('isoInstant', () => {
  it('gives ISO 8601 UTC with milliseconds for every zone and precision shops send', () => {
    expect(isoInstant('2025-06-01T08:03:11.123Z')).toBe('2025-06-01T08:03:11.123Z');
    expect(isoInstant('2025-06-01T08:03:11.123+00:00')).toBe('2025-06-01T08:03:11.123Z');
    expect(isoInstant('2025-06-01T08:03:11+02:00')).toBe('2025-06-01T06:03:11.000Z');
    expect(isoInstant('2025-06-01 08:03:11.5-0130')).toBe('2025-06-01T09:33:11.500Z');
    expect(isoInstant('2025-06-01T08:03:11.123456789z')).toBe('2025-06-01T08:03:11.123Z');
    expect(isoInstant(' 2025-06-01T08:03:11.123+00:00 ')).toBe('2025-06-01T08:03:11.123Z');
    expect(isoInstant('2025-06-01T08:03')).toBeNull(); // no zone
    expect(isoInstant('2025-06-01T08:03', { assumeUtc: true })).toBe('2025-06-01T08:03:00.000Z');
  });

  it('refuses impossible dates in the usual UTC form too, where Date.parse would roll them over', () => {
    for (const text of [
      '2024-02-30T00:00:00.000Z',
      '2023-02-29T10:00:00.000+00:00',
      '2024-02-29T24:00:00.000Z',
      '2024-13-01T00:00:00.000Z',
      '2024-01-01T00:60:00.000Z',
      '1969-12-31T23:59:59.999Z',
      '0000-00-00T00:00:00.000Z',
    ])
      expect(isoInstant(text), text).toBeNull();
    expect(isoInstant('2024-02-29T23:59:59.999Z')).toBe('2024-02-29T23:59:59.999Z');
    expect(isoInstant(20240229)).toBeNull();
  });

  it('gives the same as the full parse for generated UTC instants', () => {
    for (let i = 0; i < 2000; i++) {
      const time = Math.floor(((i * 7919) % 2000) * 1e9 + i * 12_345);
      const iso = new Date(time).toISOString();
      expect(isoInstant(iso)).toBe(iso);
      expect(isoInstant(iso.replace('Z', '+00:00'))).toBe(iso);
      expect(isoInstant(iso.replace('Z', '+01:00'))).toBe(new Date(time - 3_600_000).toISOString());
    }
  });
});

describe('parseSqlDateTime', () => {
  it('reads the wall clock as UTC and refuses the zero date', () => {
    expect(parseSqlDateTime('2025-06-01 08:03:11')).toBe(Date.UTC(2025, 5, 1, 8, 3, 11));
    expect(parseSqlDateTime('0000-00-00 00:00:00')).toBeNull();
    expect(parseSqlDateTime('2024-02-30 00:00:00')).toBeNull();
  });
});
