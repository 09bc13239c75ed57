import { describe, expect, it } from 'vitest';
import { parsePgArray, parseTimestamptz, prepareParam } from './type-parsers.ts';

describe('parseTimestamptz', () => {
  it('reads ISO output with any offset, fractions and BC years', () => {
    expect(parseTimestamptz('2024-01-02 03:04:05+00')).toEqual(new Date('2024-01-02T03:04:05Z'));
    expect(parseTimestamptz('2024-01-02 03:04:05.123456+05:30')).toEqual(
      new Date('2024-01-01T21:34:05.123Z'),
    );
    expect(parseTimestamptz('2024-01-02 03:04:05.5-08')).toEqual(new Date('2024-01-02T11:04:05.500Z'));
    expect(parseTimestamptz('1895-01-01 00:00:00+00:53:28')).toEqual(new Date('1894-12-31T23:06:32Z'));
    expect(parseTimestamptz('0050-06-01 00:00:00+00')).toEqual(new Date('0050-06-01T00:00:00Z'));
    expect((parseTimestamptz('0044-03-15 12:00:00+00 BC') as Date).getUTCFullYear()).toBe(-43);
    expect(parseTimestamptz('infinity')).toBe(Number.POSITIVE_INFINITY);
    expect(parseTimestamptz('-infinity')).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('parsePgArray', () => {
  const same = (text: string) => text;
  it('reads quoted, escaped, NULL, empty and nested elements', () => {
    expect(parsePgArray('{}', same)).toEqual([]);
    expect(parsePgArray('{a,"b c",NULL,"NULL","","x\\"y","back\\\\slash"}', same)).toEqual([
      'a',
      'b c',
      null,
      'NULL',
      '',
      'x"y',
      'back\\slash',
    ]);
    expect(parsePgArray('{{1,2},{3,NULL}}', Number)).toEqual([
      [1, 2],
      [3, null],
    ]);
    expect(parsePgArray('[2:3]={7,8}', Number)).toEqual([7, 8]);
  });
});

describe('prepareParam', () => {
  it('sends Dates as ISO instants, also inside arrays, and bigints as text', () => {
    const at = new Date('2024-05-01T23:30:00Z');
    expect(prepareParam(at)).toBe('2024-05-01T23:30:00.000Z');
    expect(prepareParam([at, null, [at]])).toEqual([
      '2024-05-01T23:30:00.000Z',
      null,
      ['2024-05-01T23:30:00.000Z'],
    ]);
    expect(prepareParam(10n)).toBe('10');
    expect(prepareParam({ a: 1 })).toEqual({ a: 1 });
  });
});
