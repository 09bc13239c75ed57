import { describe, expect, it } from 'vitest';
import { channelCustomer } from '../../test/support/channel-customers.ts';
import type { MatchCandidate } from '../domain/page-plan.ts';
import { findMatch } from './match-finder.ts';

const customer = channelCustomer({
  externalId: 'c',
  updatedAt: '2026-01-01T00:00:00.000Z',
  email: 'Anna@Example.com',
  taxId: '123456789',
  phones: ['030 1234567'],
  addresses: [
    {
      street: null,
      postalCode: null,
      city: null,
      country: 'DE',
      region: null,
      defaultBilling: true,
      defaultShipping: true,
    },
  ],
});

function candidate(partnerId: number, fields: Partial<MatchCandidate>): MatchCandidate {
  return {
    rule: 'email',
    key: 'anna@example.com',
    partnerId,
    number: `P${partnerId}`,
    type: 'B2C',
    inChannel: false,
    ...fields,
  };
}

describe('findMatch', () => {
  it('takes the rules in their order: the first rule with candidates decides', () => {
    const candidates = [
      candidate(1, {}),
      candidate(2, { rule: 'tax-id', key: 'DE123456789' }),
      candidate(3, { rule: 'phone', key: '+49301234567' }),
    ];
    expect(findMatch(customer, 'B2C', ['tax-id', 'email'], candidates, new Set())).toMatchObject({
      kind: 'one',
      partnerId: 2,
      rule: 'tax-id',
    });
    expect(findMatch(customer, 'B2C', ['phone', 'tax-id'], candidates, new Set())).toMatchObject({
      partnerId: 3,
      rule: 'phone',
    });
  });

  it('leaves out partners of the other type, linked in the channel or matched earlier in the page', () => {
    const candidates = [
      candidate(1, { type: 'B2B' }),
      candidate(2, { inChannel: true }),
      candidate(3, {}),
      candidate(4, {}),
    ];
    expect(findMatch(customer, 'B2C', ['email'], candidates, new Set([4]))).toMatchObject({
      kind: 'one',
      partnerId: 3,
    });
    expect(findMatch(customer, 'B2C', ['email'], candidates.slice(0, 2), new Set())).toBeNull();
  });

  it('gives several candidates for review, once each, and falls to the next rule without any', () => {
    const candidates = [candidate(5, {}), candidate(5, {}), candidate(6, {})];
    const found = findMatch(customer, 'B2C', ['tax-id', 'email'], candidates, new Set());
    expect(found).toMatchObject({ kind: 'ambiguous', rule: 'email' });
    expect(found?.kind === 'ambiguous' && found.candidates.map((item) => item.number)).toEqual(['P5', 'P6']);
  });

  it('matches nothing without rules or without a key of the rule', () => {
    expect(findMatch(customer, 'B2C', [], [candidate(1, {})], new Set())).toBeNull();
    const noMail = { ...customer, email: null };
    expect(findMatch(noMail, 'B2C', ['email'], [candidate(1, {})], new Set())).toBeNull();
  });
});
