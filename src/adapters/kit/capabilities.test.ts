import { describe, expect, it } from 'vitest';
import { declareCapabilities } from './capabilities.ts';

describe('declareCapabilities', () => {
  it('fills in what most adapters have: changes since, no e-mail selection, no guests, not always blocked', () => {
    expect(
      declareCapabilities({
        deletions: 'tombstones',
        channelTypes: ['b2b'],
        pageSize: 200,
        requestsPerSecond: 10,
      }),
    ).toEqual({
      changedSince: true,
      byEmail: false,
      deletions: 'tombstones',
      channelTypes: ['b2b'],
      guests: false,
      alwaysBlocked: false,
      pageSize: 200,
      requestsPerSecond: 10,
    });
  });

  it('keeps every capability the adapter declares over the defaults', () => {
    expect(
      declareCapabilities({
        deletions: 'id-scan',
        channelTypes: ['b2c'],
        pageSize: 50,
        requestsPerSecond: null,
        guests: true,
        byEmail: true,
        alwaysBlocked: true,
        changedSince: false,
      }),
    ).toMatchObject({ guests: true, byEmail: true, alwaysBlocked: true, changedSince: false });
  });
});
