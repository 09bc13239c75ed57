import { describe, expect, it } from 'vitest';
import { isTimeZone, shopTimeToIso, toShopTime } from './shop-time.ts';

describe('OXID shop time', () => {
  it('reads summer and winter times of Europe/Berlin', () => {
    expect(shopTimeToIso('2025-06-01 10:15:30', 'Europe/Berlin')).toBe('2025-06-01T08:15:30.000Z');
    expect(shopTimeToIso('2025-01-15 10:15:30', 'Europe/Berlin')).toBe('2025-01-15T09:15:30.000Z');
    expect(shopTimeToIso('2025-01-15 10:15:30', 'UTC')).toBe('2025-01-15T10:15:30.000Z');
    expect(shopTimeToIso('2025-07-04 23:00:00', 'America/New_York')).toBe('2025-07-05T03:00:00.000Z');
  });

  it('takes the earlier instant in the hour that happens twice when the clocks go back', () => {
    // 2025-10-26: 03:00 CEST -> 02:00 CET; 02:30 is 00:30Z (CEST) and 01:30Z (CET).
    expect(shopTimeToIso('2025-10-26 02:30:00', 'Europe/Berlin')).toBe('2025-10-26T00:30:00.000Z');
    expect(shopTimeToIso('2025-10-26 03:00:00', 'Europe/Berlin')).toBe('2025-10-26T02:00:00.000Z');
    expect(shopTimeToIso('2025-10-26 01:59:59', 'Europe/Berlin')).toBe('2025-10-25T23:59:59.000Z');
  });

  it('moves a time that does not exist (clocks going forward) forward by the gap', () => {
    // 2025-03-30: 02:00 CET -> 03:00 CEST; 02:30 does not exist and is read as 03:30 CEST.
    expect(shopTimeToIso('2025-03-30 02:30:00', 'Europe/Berlin')).toBe('2025-03-30T01:30:00.000Z');
    expect(shopTimeToIso('2025-03-30 03:00:00', 'Europe/Berlin')).toBe('2025-03-30T01:00:00.000Z');
  });

  it('refuses MySQL zero dates and impossible dates', () => {
    for (const text of [
      '0000-00-00 00:00:00',
      '2024-02-30 10:00:00',
      '2024-05-17T08:03:11',
      '2024-05-17',
      '',
    ])
      expect(shopTimeToIso(text, 'Europe/Berlin')).toBeNull();
  });

  it('writes instants in the shop zone, and the two directions agree', () => {
    expect(toShopTime(new Date('2025-06-01T08:15:30.999Z'), 'Europe/Berlin')).toBe('2025-06-01 10:15:30');
    expect(toShopTime(new Date('2025-10-26T01:30:00Z'), 'Europe/Berlin')).toBe('2025-10-26 02:30:00');
    for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2026-01-01T00:00:00Z'); t += 3_599_000) {
      const local = toShopTime(new Date(t), 'Europe/Berlin');
      const back = Date.parse(shopTimeToIso(local, 'Europe/Berlin') as string);
      // Only in the repeated hour can the earlier instant come back (one hour earlier).
      expect([Math.floor(t / 1000) * 1000, Math.floor(t / 1000) * 1000 - 3_600_000]).toContain(back);
    }
  });

  it('knows IANA zone names', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
