import { describe, expect, it } from 'vitest';
import { filterRunLog } from './run-log-filter.ts';

const lines = [
  {
    level: 'error' as const,
    externalId: '17',
    code: 'EMAIL_INVALID',
    message: 'E-mail "x@" is invalid',
    partnerNumber: null,
  },
  {
    level: 'warning' as const,
    externalId: '18',
    code: 'NO_ADDRESS',
    message: 'No address',
    partnerNumber: 'P-000042',
  },
  {
    level: 'info' as const,
    externalId: '19',
    code: 'ACCOUNT_DELETED',
    message: 'Deleted',
    partnerNumber: 'P-000043',
  },
];

describe('filtering a run log', () => {
  it('keeps every line without a filter', () => {
    expect(filterRunLog(lines, {})).toHaveLength(3);
    expect(filterRunLog(lines, { level: '', code: ' ', text: null })).toHaveLength(3);
  });

  it('filters by level, code (any case) and text in id, partner, code or message', () => {
    expect(filterRunLog(lines, { level: 'warning' }).map((l) => l.externalId)).toEqual(['18']);
    expect(filterRunLog(lines, { code: 'email_invalid' }).map((l) => l.externalId)).toEqual(['17']);
    expect(filterRunLog(lines, { text: 'p-000043' }).map((l) => l.externalId)).toEqual(['19']);
    expect(filterRunLog(lines, { text: 'INVALID' }).map((l) => l.externalId)).toEqual(['17']);
    expect(filterRunLog(lines, { text: '18' }).map((l) => l.externalId)).toEqual(['18']);
    expect(filterRunLog(lines, { level: 'error', text: 'address' })).toEqual([]);
  });
});
