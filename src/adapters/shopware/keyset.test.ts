/** The keyset stream against a fake search: paging by (time, id), groups, and a search that ignores the filters. */
import { describe, expect, it } from 'vitest';
import { AbortedError } from '../../domain/errors.ts';
import type { Criteria, SearchResult } from './criteria.ts';
import { type KeysetOptions, KeysetStream, START, streamAdvanced } from './keyset.ts';

const id = (n: number) => n.toString(16).padStart(32, '0');
const at = (second: number) => `2025-01-01T00:00:${String(second).padStart(2, '0')}.000+00:00`;

function options(search: (criteria: Criteria) => SearchResult<unknown>, extra: Partial<KeysetOptions> = {}) {
  const requests: Criteria[] = [];
  const stream: KeysetOptions = {
    timeField: 'createdAt',
    filters: [],
    pageSize: 3,
    maxExcluded: 10,
    search: async (criteria) => {
      requests.push(criteria);
      return search(criteria);
    },
    host: 'shop.test',
    ...extra,
  };
  return { stream, requests };
}

async function drain(stream: KeysetStream): Promise<string[]> {
  const ids: string[] = [];
  while ((await stream.peek()) !== null) ids.push(stream.take().id);
  return ids;
}

describe('KeysetStream', () => {
  it('fails with SHOPWARE_PAGING_STUCK when the shop ignores the keyset filters', async () => {
    const page = [1, 2, 3].map((n) => ({ id: id(n), createdAt: at(n) }));
    const { stream } = options(() => ({ total: 3, data: page, aggregations: [] }));
    await expect(drain(new KeysetStream(stream))).rejects.toMatchObject({ code: 'SHOPWARE_PAGING_STUCK' });
  });

  it('fails with SHOPWARE_PAGING_STUCK when the shop repeats records of one time it was told to exclude', async () => {
    const page = [1, 2, 3].map((n) => ({ id: id(n), createdAt: at(5) }));
    const { stream } = options(() => ({ total: 3, data: page, aggregations: [] }));
    await expect(drain(new KeysetStream(stream))).rejects.toMatchObject({ code: 'SHOPWARE_PAGING_STUCK' });
  });

  it('stops before the next request once the read is aborted', async () => {
    const controller = new AbortController();
    const data = [1, 2, 3].map((n) => ({ id: id(n), createdAt: at(n) }));
    const { stream, requests } = options(() => ({ total: 3, data, aggregations: [] }), {
      signal: controller.signal,
    });
    const keyset = new KeysetStream(stream);
    await keyset.peek();
    controller.abort();
    for (let n = 0; n < 3; n++) keyset.take();
    await expect(keyset.peek()).rejects.toBeInstanceOf(AbortedError);
    expect(requests).toHaveLength(1);
  });
});

describe('streamAdvanced', () => {
  const t = '2025-01-01T00:00:05.000Z';
  it('orders positions of one time: more ids, then the group page by page, then past the group', () => {
    const some = { t, ids: [id(1)], offset: null };
    const more = { t, ids: [id(1), id(2)], offset: null };
    const group = { t, ids: [id(1), id(2)], offset: 4 };
    const past = { t, ids: [], offset: null };
    expect(streamAdvanced(START, some)).toBe(true);
    expect(streamAdvanced(some, more)).toBe(true);
    expect(streamAdvanced(more, group)).toBe(true);
    expect(streamAdvanced(group, { ...group, offset: 7 })).toBe(true);
    expect(streamAdvanced(group, past)).toBe(true);
    expect(streamAdvanced(past, { t: '2025-01-01T00:00:06.000Z', ids: [id(9)], offset: null })).toBe(true);
    expect(streamAdvanced(more, some)).toBe(false);
    expect(streamAdvanced(more, { t, ids: [id(1), id(2), id(2)], offset: null })).toBe(false);
    expect(streamAdvanced(group, group)).toBe(false);
    expect(streamAdvanced(past, some)).toBe(false);
  });
});
