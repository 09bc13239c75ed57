import { describe, expect, it } from 'vitest';
import { magentoDateToIso, magentoTimeOrder, toMagentoDate } from './magento-dates.ts';

describe('Magento dates', () => {
  it('reads "YYYY-MM-DD HH:MM:SS" as UTC', () => {
    expect(magentoDateToIso('2024-02-29 23:59:59')).toBe('2024-02-29T23:59:59.000Z');
    expect(magentoDateToIso(' 2016-01-01 00:00:00 ')).toBe('2016-01-01T00:00:00.000Z');
  });

  it('refuses zero dates, impossible dates and other formats', () => {
    for (const text of [
      '0000-00-00 00:00:00',
      '2023-02-29 10:00:00',
      '2024-01-01 24:00:00',
      '2024-01-01T10:00:00Z',
      '2024-01-01',
      '',
    ]) {
      expect(magentoDateToIso(text), text).toBeNull();
    }
  });

  it('writes a Date in Magento format, cutting milliseconds', () => {
    expect(toMagentoDate(new Date('2025-07-01T09:30:15.999Z'))).toBe('2025-07-01 09:30:15');
  });

  it('orders updated_at texts like the shop, a zero date first', () => {
    const texts = [
      '2024-05-17 08:03:12',
      '0000-00-00 00:00:00',
      '2024-05-17 08:03:11',
      '1999-12-31 23:59:59',
    ];
    expect([...texts].sort((a, b) => magentoTimeOrder(a) - magentoTimeOrder(b))).toEqual([
      '0000-00-00 00:00:00',
      '1999-12-31 23:59:59',
      '2024-05-17 08:03:11',
      '2024-05-17 08:03:12',
    ]);
    expect(magentoTimeOrder('2024-01-01T10:00:00Z')).toBeNaN();
  });
});
