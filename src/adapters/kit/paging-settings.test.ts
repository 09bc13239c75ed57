import { describe, expect, it } from 'vitest';
import { settingReader } from '../setting-values.ts';
import { type PagingLimits, pagingFields, readPaging, readThrottledPaging } from './paging-settings.ts';

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

  it('without a rate limit: the rate is an optional throttle, null when not set', () => {
    const pages = { defaultPageSize: 50, maxPageSize: 200 };
    expect(pagingFields(pages)[1]).toEqual({
      key: 'requestsPerSecond',
      label: 'Requests per second',
      type: 'number',
      required: false,
      description: 'Upper limit of requests Kontor sends per second (for shops behind a rate limit).',
    });
    const reader = (settings: Record<string, string>) => settingReader('Test shop', settings);
    expect(readThrottledPaging(reader({}), pages)).toEqual({ pageSize: 50, requestsPerSecond: null });
    expect(readThrottledPaging(reader({ pageSize: '200', requestsPerSecond: '99' }), pages)).toEqual({
      pageSize: 200,
      requestsPerSecond: 99,
    });
    expect(() => readThrottledPaging(reader({ requestsPerSecond: '0' }), pages)).toThrow(
      expect.objectContaining({ code: 'SETTING_INVALID' }),
    );
  });
});
