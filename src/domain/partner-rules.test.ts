import { describe, expect, it } from 'vitest';
import { partnerName } from './channel-customer.ts';
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

describe('partner name', () => {
  const person = { firstName: 'Anna', lastName: 'Nowak', company: null };
  const business = { firstName: 'Anna', lastName: 'Nowak', company: 'Nowak Sp. z o.o.' };
  it('is the company for B2B partners and the person for B2C partners, each with the other as fallback', () => {
    expect(partnerName('B2B', business)).toBe('Nowak Sp. z o.o.');
    expect(partnerName('B2B', person)).toBe('Anna Nowak');
    expect(partnerName('B2C', business)).toBe('Anna Nowak');
    expect(partnerName('B2C', { firstName: null, lastName: ' ', company: 'Nowak' })).toBe('Nowak');
  });
});
