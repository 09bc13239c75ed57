import { describe, expect, it } from 'vitest';
import { buildQueryString, parsePhpQuery } from './query-string.ts';

describe('buildQueryString', () => {
  it('writes nested objects and arrays with PHP bracket keys', () => {
    const query = buildQueryString({
      searchCriteria: {
        filter_groups: [{ filters: [{ field: 'email', value: 'a@x.de,b@y.pl', condition_type: 'in' }] }],
        sortOrders: [{ field: 'updated_at', direction: 'ASC' }],
        pageSize: 100,
        currentPage: 1,
      },
      flag: true,
      off: false,
      skipped: null,
      missing: undefined,
    });
    expect(decodeURIComponent(query)).toBe(
      [
        'searchCriteria[filter_groups][0][filters][0][field]=email',
        'searchCriteria[filter_groups][0][filters][0][value]=a@x.de,b@y.pl',
        'searchCriteria[filter_groups][0][filters][0][condition_type]=in',
        'searchCriteria[sortOrders][0][field]=updated_at',
        'searchCriteria[sortOrders][0][direction]=ASC',
        'searchCriteria[pageSize]=100',
        'searchCriteria[currentPage]=1',
        'flag=1',
        'off=0',
      ].join('&'),
    );
    expect(query).toContain('searchCriteria%5BpageSize%5D=100');
  });

  it('percent-encodes values, spaces and reserved characters included', () => {
    expect(buildQueryString({ q: 'a b&c=d%' })).toBe('q=a%20b%26c%3Dd%25');
  });

  it('round-trips through the PHP-style parser', () => {
    const built = buildQueryString({ a: { b: [{ c: 'x' }, { c: 'y' }] }, d: 'ü' });
    expect(parsePhpQuery(built)).toEqual({ a: { b: { 0: { c: 'x' }, 1: { c: 'y' } } }, d: 'ü' });
  });
});

describe('parsePhpQuery', () => {
  it('parses bracket keys as PHP fills $_GET', () => {
    expect(parsePhpQuery('a[b][0]=1&a[b][1]=2&a[c]=3&e=4&e=5')).toEqual({
      a: { b: { 0: '1', 1: '2' }, c: '3' },
      e: '5',
    });
  });

  it('appends for empty brackets and accepts encoded brackets', () => {
    expect(parsePhpQuery('x[]=a&x[]=b&y%5B0%5D%5Bz%5D=c')).toEqual({
      x: { 0: 'a', 1: 'b' },
      y: { 0: { z: 'c' } },
    });
  });

  it('keeps the plain part of a key with an unclosed bracket and ignores empty keys', () => {
    expect(parsePhpQuery('a[b=1&=2')).toEqual({ a: '1' });
  });
});
