import { describe, expect, it } from 'vitest';
import { TextHashIndex } from './text-hash-index.ts';

describe('TextHashIndex', () => {
  it('finds the record of every added text and refuses a text whose hash is taken', () => {
    const index = new TextHashIndex(1000);
    for (let i = 0; i < 1000; i++) expect(index.add(`customer${i}@example.org`, i)).toBe(true);
    for (let i = 0; i < 1000; i++) expect(index.get(`customer${i}@example.org`)).toBe(i);
    expect(index.add('customer7@example.org', 5000)).toBe(false);
    expect(index.get('customer7@example.org')).toBe(7);
    expect(index.has('nobody@example.org')).toBe(false);
    expect(index.get('nobody@example.org')).toBe(-1);
  });
});
