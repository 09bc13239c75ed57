import { describe, expect, it } from 'vitest';
import { countOf, formatCount } from './count-words.ts';

describe('counts in words', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countOf(1, 'error')).toBe('1 error');
    expect(countOf(2, 'error')).toBe('2 errors');
    expect(countOf(0, 'error')).toBe('0 errors');
    expect(countOf(1, 'customer awaits', 'customers await')).toBe('1 customer awaits');
    expect(countOf(3, 'customer awaits', 'customers await')).toBe('3 customers await');
  });

  it('groups the digits of large counts', () => {
    expect(formatCount(30000)).toBe('30,000');
    expect(countOf(1200, 'record')).toBe('1,200 records');
    expect(formatCount(999)).toBe('999');
  });
});
