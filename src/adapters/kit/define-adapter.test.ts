/** defineAdapter: declared capabilities over the shared defaults, and the By email refusal it owns. */
import { describe, expect, it } from 'vitest';
import { defineAdapter } from './define-adapter.ts';
import { declareSettings } from './settings.ts';

function adapter(capabilities: Parameters<typeof defineAdapter>[0]['capabilities']) {
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

describe('defineAdapter', () => {
  it('fills the capabilities an adapter leaves out from the shared defaults', () => {
    expect(adapter(REQUIRED).capabilities).toEqual({
      changedSince: true,
      byEmail: false,
      alwaysBlocked: false,
      requestsPerSecond: null,
      ...REQUIRED,
    });
    const declared = {
      ...REQUIRED,
      byEmail: true,
      alwaysBlocked: true,
      requestsPerSecond: 2,
      changedSince: false,
    };
    expect(adapter(declared).capabilities).toEqual(declared);
  });

  it('refuses a By email read when the capabilities (by default) cannot select by e-mail', async () => {
    const read = (capabilities: Parameters<typeof adapter>[0]) =>
      adapter(capabilities)
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
