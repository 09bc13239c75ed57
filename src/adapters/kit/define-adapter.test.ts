/** defineAdapter: settings refused as rejected promises, declared capabilities over the shared defaults, and the By email refusal it owns. */
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

function minimal(capabilities: Parameters<typeof defineAdapter>[0]['capabilities']) {
  return defineAdapter({
    kind: 'test',
    label: 'Test',
    capabilities,
    settings: declareSettings('Test', [], () => ({})),
    connect: () => ({}),
    check: async () => ({ ok: true, message: 'ok', customerCount: null }),
    async *readCustomers() {
      yield { customers: [], rejected: [], deleted: [], cursor: 'test:v1|x|1' };
    },
  });
}

const REQUIRED = { deletions: 'none', channelTypes: ['b2c'], guests: false, pageSize: 50 } as const;

describe('defineAdapter: capabilities', () => {
  it('fills the capabilities an adapter leaves out from the shared defaults', () => {
    expect(minimal(REQUIRED).capabilities).toEqual({
      changedSince: true,
      byEmail: false,
      alwaysBlocked: false,
      requestsPerSecond: null,
      byId: false,
      ...REQUIRED,
    });
    const declared = {
      ...REQUIRED,
      byEmail: true,
      alwaysBlocked: true,
      requestsPerSecond: 2,
      changedSince: false,
    };
    expect(minimal(declared).capabilities).toEqual({ ...declared, byId: false });
  });

  it('gives byId exactly to an adapter that reads by id, and never calls it without ids', async () => {
    const asked: string[][] = [];
    const byId = defineAdapter({
      kind: 'test',
      label: 'Test',
      capabilities: REQUIRED,
      settings: declareSettings('Test', [], () => ({})),
      connect: () => ({}),
      check: async () => ({ ok: true, message: 'ok', customerCount: null }),
      async *readCustomers() {},
      async *readByIds(_client, ids) {
        asked.push([...ids]);
        yield { customers: [], rejected: [], deleted: [], cursor: null };
      },
    });
    expect(byId.capabilities.byId).toBe(true);
    const connection = { url: 'https://x.test', settings: {} };
    for await (const _ of byId.readByIds?.(connection, []) ?? []) throw new Error('no page expected');
    for await (const _ of byId.readByIds?.(connection, ['7']) ?? []) asked.push(['page']);
    expect(asked).toEqual([['7'], ['page']]);
  });

  it('refuses a By email read when the capabilities (by default) cannot select by e-mail', async () => {
    const read = (capabilities: Parameters<typeof minimal>[0]) =>
      minimal(capabilities)
        .readCustomers(
          { url: 'https://x.test', settings: {} },
          { since: null, emails: ['a@b.de'], cursor: null },
        )
        [Symbol.asyncIterator]()
        .next();
    await expect(read(REQUIRED)).rejects.toMatchObject({ code: 'BY_EMAIL_UNSUPPORTED' });
    await expect(read({ ...REQUIRED, byEmail: true })).resolves.toMatchObject({ done: false });
  });
});
