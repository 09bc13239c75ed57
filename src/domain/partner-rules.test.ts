import { describe, expect, it } from 'vitest';
import { partnerStatusAtCreation, partnerTypeAtCreation } from './partner-rules.ts';

describe('partnerTypeAtCreation', () => {
  it('takes the channel type for B2C and B2B channels, whatever the data', () => {
    expect(partnerTypeAtCreation('b2c', { company: 'ACME GmbH' })).toBe('B2C');
    expect(partnerTypeAtCreation('b2b', { company: null })).toBe('B2B');
  });

  it('decides by company data in a B2B & B2C channel', () => {
    expect(partnerTypeAtCreation('b2b-b2c', { company: 'ACME GmbH' })).toBe('B2B');
    expect(partnerTypeAtCreation('b2b-b2c', { company: null })).toBe('B2C');
    expect(partnerTypeAtCreation('b2b-b2c', { company: '   ' })).toBe('B2C');
  });
});

describe('partnerStatusAtCreation', () => {
  const open = { customerApproval: false, alwaysBlocked: false };

  it('releases B2C partners', () => {
    expect(partnerStatusAtCreation('B2C', open)).toBe('Released');
  });

  it('blocks B2B partners unless the channel has Customer approval', () => {
    expect(partnerStatusAtCreation('B2B', open)).toBe('Blocked');
    expect(partnerStatusAtCreation('B2B', { ...open, customerApproval: true })).toBe('Released');
  });

  it('always blocks for adapters that demand it, even with Customer approval', () => {
    expect(partnerStatusAtCreation('B2C', { customerApproval: true, alwaysBlocked: true })).toBe('Blocked');
    expect(partnerStatusAtCreation('B2B', { customerApproval: true, alwaysBlocked: true })).toBe('Blocked');
  });
});
