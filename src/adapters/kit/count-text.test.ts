import { describe, expect, it } from 'vitest';
import { countText } from './count-text.ts';

describe('countText', () => {
  it('writes the count with digit groups and the noun in singular or plural', () => {
    expect(countText(1, 'customer')).toBe('1 customer');
    expect(countText(0, 'customer')).toBe('0 customers');
    expect(countText(12345, 'synchronized customer')).toBe('12,345 synchronized customers');
    expect(countText(2, 'entry', 'entries')).toBe('2 entries');
  });
});
