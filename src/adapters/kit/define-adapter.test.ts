import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../domain/errors.ts';
import { defineAdapter } from './define-adapter.ts';
import { declareSettings } from './settings.ts';

const settings = declareSettings<{ token: string }>(
  'Test shop',
  [{ key: 'token', label: 'Token', type: 'secret', required: true, description: 'A token.' }],
  (read) => ({ token: read.required('token', 'a token') }),
);

const adapter = defineAdapter({
  kind: 'test',
  label: 'Test shop',
  capabilities: {
    changedSince: true,
    byEmail: false,
    deletions: 'id-scan',
    channelTypes: ['b2c'],
    guests: false,
    alwaysBlocked: false,
    pageSize: 10,
    requestsPerSecond: null,
  },
  settings,
  connect: (_url, parsed) => parsed,
  check: async ({ token }) => ({ ok: true, message: `token of ${token.length}`, customerCount: null }),
  async *readCustomers() {},
  async *listIds() {
    yield ['1'];
  },
});

describe('defineAdapter', () => {
  it('refuses settings the declaration refuses as a rejected check, not a synchronous throw', async () => {
    const checked = (() => {
      try {
        return adapter.check({ url: 'http://shop.test', settings: {} });
      } catch (error) {
        return error;
      }
    })();
    expect(checked).toBeInstanceOf(Promise);
    await expect(checked).rejects.toMatchObject({ code: 'SETTING_MISSING' });
    await expect(
      adapter.check({ url: 'http://shop.test', settings: { token: 'abc' } }),
    ).resolves.toMatchObject({
      ok: true,
    });
  });

  it('refuses such settings when the id list is iterated, like readCustomers', async () => {
    const list = adapter.listIds?.({ url: 'http://shop.test', settings: {} });
    expect(list).toBeDefined();
    const ids: string[] = [];
    await expect(
      (async () => {
        for await (const batch of list ?? []) ids.push(...batch);
      })(),
    ).rejects.toBeInstanceOf(ConfigError);
    expect(ids).toEqual([]);
  });
});
