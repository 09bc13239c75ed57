import { describe, expect, it } from 'vitest';
import { settingReader } from '../setting-values.ts';
import { type PagingLimits, pagingFields, readPaging } from './paging-settings.ts';

const limits: PagingLimits = {
  defaultPageSize: 100,
  maxPageSize: 400,
  rateLimit: 6,
  defaultRate: 5,
  limitName: "the shop's limit",
};
const read = (settings: Record<string, string>) => readPaging(settingReader('Test shop', settings), limits);

describe('paging settings of a rate-limited protocol', () => {
  it('declares the page size and the rate with their defaults and the limit', () => {
    expect(pagingFields(limits)).toEqual([
      {
        key: 'pageSize',
        label: 'Page size',
        type: 'number',
        required: false,
        description: 'Customers per request (1-400).',
        default: '100',
      },
      {
        key: 'requestsPerSecond',
        label: 'Requests per second',
        type: 'number',
        required: false,
        description: "Upper limit of requests Kontor sends per second (at most 6, the shop's limit).",
        default: '5',
      },
    ]);
    expect(pagingFields({ ...limits, pageSizeDescription: 'Users per call.' })[0]?.description).toBe(
      'Users per call.',
    );
  });

  it('reads them, with the defaults, and refuses a rate above the limit or a page above the maximum', () => {
    expect(read({})).toEqual({ pageSize: 100, requestsPerSecond: 5 });
    expect(read({ pageSize: '400', requestsPerSecond: '6' })).toEqual({
      pageSize: 400,
      requestsPerSecond: 6,
    });
    expect(() => read({ requestsPerSecond: '6.5' })).toThrow(
      expect.objectContaining({
        code: 'SETTING_INVALID',
        message: expect.stringContaining("the shop's limit"),
      }),
    );
    expect(() => read({ pageSize: '401' })).toThrow(
      expect.objectContaining({ code: 'SETTING_INVALID', message: expect.stringContaining('from 1 to 400') }),
    );
  });
});
